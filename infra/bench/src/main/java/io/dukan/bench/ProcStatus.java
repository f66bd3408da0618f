package io.dukan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory from /proc/{pid}/status (Linux): VmRSS now, VmHWM the peak. */
final class ProcStatus {

    private ProcStatus() {}

    /** The field in kB, or -1 when /proc does not have it (not Linux, process gone). */
    static long kilobytes(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(
                            line.substring(field.length() + 1).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static double megabytes(long pid, String field) {
        long kb = kilobytes(pid, field);
        return kb < 0 ? Double.NaN : kb / 1024.0;
    }

    static double selfMegabytes(String field) {
        return megabytes(ProcessHandle.current().pid(), field);
    }
}

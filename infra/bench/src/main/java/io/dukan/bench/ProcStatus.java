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

    /**
     * Milliseconds from the process's start (/proc/{pid}/stat, field 22, in 10 ms clock ticks since boot) to now
     * (/proc/uptime): the children's own clock, read from outside; NaN when /proc does not have it.
     */
    static double millisSinceStart(long pid) {
        try {
            String uptime = Files.readString(Path.of("/proc/uptime")).strip().split("\\s+")[0];
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[22 - 3]);
            return Math.round(Double.parseDouble(uptime) * 1000) - startTicks * 10.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU time (utime + stime, all threads) the process has used, in ms; NaN when /proc does not have it. */
    static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3])) * 10.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static double selfMegabytes(String field) {
        return megabytes(ProcessHandle.current().pid(), field);
    }
}

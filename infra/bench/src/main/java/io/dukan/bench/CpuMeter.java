package io.dukan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much of the machine's CPU other processes used while the bench ran: the busy time of all CPUs (/proc/stat)
 * minus this process's own and its waited-for children's (/proc/self/stat). On a shared two-core machine a build
 * running beside the bench moves every figure; this says by how much the bench had to share.
 */
final class CpuMeter {

    /** Ticks (USER_HZ) at one moment: all CPUs busy, all CPUs in total, this process and its children. */
    record Sample(long busy, long total, long own) {}

    private CpuMeter() {}

    static Sample sample() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal …
            long busy = 0;
            long total = 0;
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                long ticks = Long.parseLong(cpu[i]);
                total += ticks;
                if (i != 4 && i != 5) {
                    busy += ticks;
                }
            }
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = 0;
            for (int field = 14; field <= 17; field++) { // utime stime cutime cstime
                own += Long.parseLong(fields[field - 3]);
            }
            return new Sample(busy, total, own);
        } catch (IOException | RuntimeException e) {
            return new Sample(0, 0, 0);
        }
    }

    /** The share of the whole machine (all cores) that other processes used between the two samples; NaN unknown. */
    static double othersShare(Sample from, Sample to) {
        long total = to.total() - from.total();
        if (total <= 0) {
            return Double.NaN;
        }
        return Math.max(0, (double) (to.busy() - from.busy() - (to.own() - from.own())) / total);
    }
}

package io.reelsmith.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds used so far by this JVM and the child processes it has waited for (ffmpeg, pocketsphinx), from
 * /proc/self/stat. On a shared machine wall-clock speed depends on the neighbours' load; CPU time does not.
 * Returns NaN where /proc is not available.
 */
final class CpuClock {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private CpuClock() {}

    static double seconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is f[0]; utime, stime, cutime, cstime are fields 14-17 of the whole line
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}

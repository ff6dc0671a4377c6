package io.reelsmith.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds used so far by this JVM's finished child processes (Linux: {@code cutime + cstime} in
 * /proc/self/stat). The difference around an FFmpeg run is that run's CPU cost, which — unlike wall time —
 * hardly moves when other processes compete for the cores, so it is the steadier figure on a shared machine.
 */
public final class ChildCpu {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux ABI we run on

    private ChildCpu() {}

    /** NaN where /proc is not available. */
    public static double seconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name (which may itself contain spaces) start at field 3 (state).
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}

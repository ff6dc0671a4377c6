package io.reelsmith.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU seconds of other processes, from /proc: a process and its reaped children, or every process under a parent
 * (PostgreSQL's server and its backends). CPU time hardly moves with the machine's other load, so a figure per
 * request or per video compares runs taken at different loads, where latencies do not.
 */
final class ProcessCpu {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ

    private ProcessCpu() {}

    /** utime + stime + cutime + cstime of {@code pid}; 0 when it is gone. */
    static double of(long pid) {
        return self(pid) + children(pid);
    }

    /** utime + stime: the process's own threads (a JVM: its code, JIT and GC). */
    static double self(long pid) {
        return fields(pid, 11, 12);
    }

    /** cutime + cstime: its children that have exited and been waited for (a worker's FFmpeg and ffprobe runs). */
    static double children(long pid) {
        return fields(pid, 13, 14);
    }

    private static double fields(long pid, int a, int b) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[a]) + Long.parseLong(f[b])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** {@code pid} and its live children (one level: PostgreSQL's backends). */
    static double tree(long pid) {
        double sum = of(pid);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                if (parent(p) == pid) sum += of(Long.parseLong(p.getFileName().toString()));
            }
        } catch (IOException e) {
            return sum;
        }
        return sum;
    }

    /**
     * Seconds the live threads of {@code pid} spent runnable but waiting for a core (the scheduler's run-queue delay,
     * {@code /proc/PID/task/TID/schedstat}, second field): what a loaded machine adds to a request's time.
     */
    static double waitedForCore(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return tasks.mapToLong(ProcessCpu::runQueueNanos).sum() / 1e9;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long runQueueNanos(Path task) {
        try {
            return Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }

    /** {@link #waitedForCore} of {@code pid} and its live children (PostgreSQL's backends). */
    static double treeWaitedForCore(long pid) {
        double sum = waitedForCore(pid);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                if (parent(p) == pid)
                    sum += waitedForCore(Long.parseLong(p.getFileName().toString()));
            }
        } catch (IOException e) {
            return sum;
        }
        return sum;
    }

    static double sum(List<Long> pids) {
        return pids.stream().mapToDouble(ProcessCpu::of).sum();
    }

    private static long parent(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

package io.reelsmith.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU of this process's threads from /proc/self/task (so the JVM's own JIT compiler and GC threads too), grouped by
 * name with the numbers taken out ("HttpClient-N-Wo", "CN CompilerThre"; Linux keeps 15 characters of a name): the
 * benchmark's process hosts both the load generator and the S3 store, and this says which one costs what. Threads that
 * ended between two readings are not counted (the process's total from /proc is).
 */
final class ThreadCpu {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ

    private final Map<String, Double> seconds = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();

    private ThreadCpu() {}

    static ThreadCpu now() {
        ThreadCpu t = new ThreadCpu();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    String id = task.getFileName().toString();
                    t.seconds.put(id, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND);
                    t.names.put(
                            id,
                            stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                                    .replaceAll("\\d+", "N"));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            // no /proc: nothing to say
        }
        return t;
    }

    /** Seconds of CPU per group of threads from {@code before} to this reading, largest first. */
    Map<String, Double> since(ThreadCpu before) {
        Map<String, Double> groups = new HashMap<>();
        seconds.forEach((id, s) -> groups.merge(names.get(id), s - before.seconds.getOrDefault(id, 0.0), Double::sum));
        Map<String, Double> sorted = new LinkedHashMap<>();
        groups.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}

package io.reelsmith.harness;

import static org.awaitility.Awaitility.await;

import io.reelsmith.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A {@code reelsmith} command (or another main class) in its own JVM on this JVM's classpath (the test classpath in tests, the jar and
 * its lib/ under {@code ./reelsmith}), with its output in a log file. It counts as started when a line of
 * its output matches the ready pattern — what a supervisor would wait for too.
 */
public final class ChildJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private Matcher ready;

    /** Starts {@code pb} with its output (and errors) going to {@code log}. */
    private ChildJvm(String name, ProcessBuilder pb, Path log) throws IOException {
        this.name = name;
        this.log = log;
        this.process = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Starts {@code reelsmith ARGS} and waits for a line matching {@code readyLine} (group 1, if any, is kept). */
    public static ChildJvm start(
            String name, List<String> args, Map<String, String> env, Path logDir, Pattern readyLine, Duration timeout)
            throws IOException {
        return start(name, Main.class.getName(), args, env, logDir, readyLine, timeout);
    }

    /** Starts {@code mainClass ARGS} in a new JVM on this classpath and waits for the ready line. */
    public static ChildJvm start(
            String name,
            String mainClass,
            List<String> args,
            Map<String, String> env,
            Path logDir,
            Pattern readyLine,
            Duration timeout)
            throws IOException {
        return launch(name, mainClass, args, env, logDir, 0).awaitReady(readyLine, timeout);
    }

    /**
     * Starts {@code mainClass ARGS} without waiting for it (call {@link #awaitReady}: several children then start at
     * once), at a CPU priority ({@code nice}, 0..19; its own child processes such as FFmpeg inherit it).
     */
    public static ChildJvm launch(
            String name, String mainClass, List<String> args, Map<String, String> env, Path logDir, int nice)
            throws IOException {
        Path log = logDir.resolve(name + ".log");
        List<String> cmd = new ArrayList<>();
        if (nice > 0) cmd.addAll(List.of("nice", "-n", String.valueOf(nice)));
        cmd.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // small heaps and the serial collector: several of these share 2 cores with the tests
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        return new ChildJvm(name, pb, log);
    }

    /** Waits for the ready line (group 1, if any, is kept); a child that never gets there is killed. */
    public ChildJvm awaitReady(Pattern readyLine, Duration timeout) throws IOException {
        try {
            ready = awaitLine(readyLine, timeout);
            return this;
        } catch (IOException e) {
            kill();
            throw e;
        }
    }

    /** Group 1 of the ready line (e.g. the URL the process listens on). */
    public String readyValue() {
        return ready.groupCount() >= 1 ? ready.group(1) : ready.group();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Waits until the output has a line matching {@code pattern}. {@code timeout} counts from the child's last
     * output: a JVM that is still logging its start on a starved machine is slow, not stuck (a fixed total made the
     * cluster tests fail under load); a hard limit of ten times {@code timeout} still ends a child that chatters for ever.
     */
    public Matcher awaitLine(Pattern pattern, Duration timeout) throws IOException {
        Stall stall = new Stall(timeout);
        try {
            return await(name + " printed /" + pattern + "/")
                    .atMost(timeout.multipliedBy(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> findLine(pattern, stall), Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            throw new IOException(
                    name + " did not print /" + pattern + "/ within " + timeout.multipliedBy(10) + ":\n" + tail());
        }
    }

    /** The first line matching {@code pattern}, or null; fails once the child has exited or gone quiet for too long. */
    private Matcher findLine(Pattern pattern, Stall stall) throws IOException {
        String out = output();
        for (String line : out.split("\n")) {
            Matcher m = pattern.matcher(line);
            if (m.find()) return m;
        }
        if (!process.isAlive()) {
            throw new IOException(
                    name + " exited (code " + process.exitValue() + ") before printing /" + pattern + "/:\n" + tail());
        }
        if (stall.stuck(out.length())) {
            throw new IOException(
                    name + " did not print /" + pattern + "/ (no output for " + stall.limit + "):\n" + tail());
        }
        return null;
    }

    /** Whether a growing output stopped growing for longer than {@code limit}. */
    private static final class Stall {
        final Duration limit;
        private long size = -1;
        private long since = System.nanoTime();

        Stall(Duration limit) {
            this.limit = limit;
        }

        boolean stuck(long newSize) {
            long now = System.nanoTime();
            if (newSize != size) {
                size = newSize;
                since = now;
            }
            return now - since > limit.toNanos();
        }
    }

    /** SIGKILL: the process gets no chance to clean up, as when a machine dies. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM (a clean shutdown), then SIGKILL if it has not exited after 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (process.waitFor(20, TimeUnit.SECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    public String tail() {
        String out = output();
        return out.length() <= 4000 ? out : "…" + out.substring(out.length() - 4000);
    }
}

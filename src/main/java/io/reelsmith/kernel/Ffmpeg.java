package io.reelsmith.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one place that builds and runs FFmpeg commands.
 *
 * <p>Outputs are written to a temporary name beside the target and renamed when FFmpeg succeeds, so a
 * failed or killed run never leaves a partial file under the real name. A failure throws
 * {@link MediaException} carrying FFmpeg's own error lines.
 */
public final class Ffmpeg {
    /** The frame rate of every published video. */
    public static final int PUBLISH_FPS = 30;
    /** Frames from one key frame to the next in a published video: 2 s. */
    public static final int KEY_INTERVAL = 2 * PUBLISH_FPS;

    private final List<String> args = new ArrayList<>();
    private final List<Extra> extras = new ArrayList<>();
    private String label = "ffmpeg";
    private Path output;
    private long timeoutSeconds = 3600;

    private Ffmpeg() {
        args.addAll(List.of("ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error", "-y"));
    }

    public static Ffmpeg command() {
        return new Ffmpeg();
    }

    /** Told of every finished run, with its label: the benchmarks print where the time goes. */
    public interface Listener {
        void finished(String label, long wallNanos);
    }

    private static volatile Listener listener;

    /** One listener for the process (null: none). */
    public static void listen(Listener l) {
        listener = l;
    }

    private static volatile int niceness;

    /**
     * Every later FFmpeg and ffprobe run of this process at CPU priority {@code nice} (0..19, 0: as the process): where
     * a job server shares cores with an API or a database, its media work yields to them, and its own bookkeeping
     * (journal, leases) does not, as a lowered whole process would.
     */
    public static void niceness(int nice) {
        if (nice < 0 || nice > 19) throw new IllegalArgumentException("nice must be within 0..19, not " + nice);
        niceness = nice;
    }

    /** {@code cmd} as it is started: behind {@code nice -n N} when a {@link #niceness} is set. */
    static List<String> atPriority(List<String> cmd) {
        int n = niceness;
        if (n == 0) return cmd;
        List<String> niced = new ArrayList<>(List.of("nice", "-n", String.valueOf(n)));
        niced.addAll(cmd);
        return niced;
    }

    /** What this run is for, as {@link Listener}s see it (default "ffmpeg"). */
    public Ffmpeg label(String what) {
        this.label = what;
        return this;
    }

    /** Options that apply to the next input, then the input itself. */
    public Ffmpeg input(Path file, String... inputOptions) {
        args.addAll(List.of(inputOptions));
        args.add("-i");
        args.add(file.toString());
        return this;
    }

    /** A generated input: a libavfilter source graph such as {@code anoisesrc=c=pink:d=5}. */
    public Ffmpeg lavfi(String sourceGraph, String... inputOptions) {
        args.addAll(List.of(inputOptions));
        args.addAll(List.of("-f", "lavfi", "-i", sourceGraph));
        return this;
    }

    public Ffmpeg filterComplex(String graph) {
        args.addAll(List.of("-filter_complex", graph));
        return this;
    }

    public Ffmpeg videoFilter(String graph) {
        args.addAll(List.of("-vf", graph));
        return this;
    }

    public Ffmpeg audioFilter(String graph) {
        args.addAll(List.of("-af", graph));
        return this;
    }

    public Ffmpeg map(String... streams) {
        for (String s : streams) args.addAll(List.of("-map", s));
        return this;
    }

    /** H.264 in yuv420p, what every phone and platform plays. */
    public Ffmpeg h264(String preset, int crf) {
        args.addAll(List.of("-c:v", "libx264", "-preset", preset, "-crf", String.valueOf(crf), "-pix_fmt", "yuv420p"));
        return this;
    }

    /**
     * What the short-video platforms ask for: H.264 yuv420p at a constant {@link #PUBLISH_FPS} fps (the
     * graph must end in {@code fps=}{@link #PUBLISH_FPS}), a key frame at least every 2 s (seeking, and the
     * frames {@code FinalRenderer}'s cover is chosen from).
     */
    public Ffmpeg publishVideo(String preset, int crf) {
        h264(preset, crf);
        args.addAll(List.of("-r", String.valueOf(PUBLISH_FPS), "-g", String.valueOf(KEY_INTERVAL)));
        return this;
    }

    public Ffmpeg aac(int kbps) {
        args.addAll(List.of("-c:a", "aac", "-b:a", kbps + "k"));
        return this;
    }

    /**
     * 16-bit mono PCM WAV at {@code rate} Hz with a bare 44-byte header (no LIST/INFO chunk): what speech engines
     * read, and pocketsphinx skips a fixed 44 bytes.
     */
    public Ffmpeg monoWav(int rate) {
        args.addAll(List.of(
                "-ar",
                String.valueOf(rate),
                "-ac",
                "1",
                "-c:a",
                "pcm_s16le",
                "-fflags",
                "+bitexact",
                "-flags:a",
                "+bitexact",
                "-map_metadata",
                "-1"));
        return this;
    }

    /** Puts the index at the front so a player can start before the download ends. */
    public Ffmpeg faststart() {
        args.addAll(List.of("-movflags", "+faststart"));
        return this;
    }

    public Ffmpeg args(String... more) {
        args.addAll(List.of(more));
        return this;
    }

    public Ffmpeg output(Path file) {
        this.output = file;
        return this;
    }

    /**
     * A second output of the same run (e.g. a still picked from the frames being encoded: no second decode),
     * written under its name only when the whole run succeeds, like {@link #output}.
     */
    public Ffmpeg alsoOutput(Path file, String... options) {
        extras.add(new Extra(List.of(options), file));
        return this;
    }

    private record Extra(List<String> options, Path file) {}

    public Ffmpeg timeout(long seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    /** The command line as it will run (output shown under its final name), for logs and tests. */
    public List<String> commandLine() {
        List<String> cmd = new ArrayList<>(args);
        if (output != null) cmd.add(output.toString());
        for (Extra e : extras) {
            cmd.addAll(e.options());
            cmd.add(e.file().toString());
        }
        return cmd;
    }

    public void run() throws IOException {
        if (output == null) throw new IllegalStateException("ffmpeg command has no output");
        AtomicFiles.writeAtomically(output, tmp -> {
            List<String> cmd = new ArrayList<>(args);
            cmd.add(tmp.toString());
            runWithExtras(cmd, 0);
        });
    }

    /** Each extra output goes to its own temporary sibling too; FFmpeg runs once all names are set. */
    private void runWithExtras(List<String> cmd, int next) throws IOException {
        if (next == extras.size()) {
            exec(label, cmd, timeoutSeconds, false);
            return;
        }
        Extra e = extras.get(next);
        AtomicFiles.writeAtomically(e.file(), tmp -> {
            List<String> more = new ArrayList<>(cmd);
            more.addAll(e.options());
            more.add(tmp.toString());
            runWithExtras(more, next + 1);
        });
    }

    /**
     * Runs the command into FFmpeg's null muxer and returns its log (info level): for analysis filters such as
     * {@code loudnorm} or {@code ebur128} that print what they measured. With an {@link #output} (and its format in
     * {@link #args}, e.g. a {@code framecrc} packet list) the run writes there instead, directly: a scratch file.
     */
    public String analyse() throws IOException {
        List<String> cmd = new ArrayList<>(args);
        cmd.set(cmd.indexOf("-loglevel") + 1, "info");
        cmd.addAll(output == null ? List.of("-f", "null", "-") : List.of(output.toString()));
        return exec(label, cmd, timeoutSeconds, true);
    }

    /** Runs {@code ffprobe -v error ARGS file} (a minute at most), returns its stdout. */
    public static String probe(Path file, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ffprobe", "-v", "error"));
        cmd.addAll(List.of(args));
        cmd.add(file.toString());
        return exec(cmd, 60);
    }

    /** Runs a media tool, returns its stdout; non-zero exit or timeout → {@link MediaException} with stderr. */
    public static String exec(List<String> cmd, long timeoutSeconds) throws IOException {
        return exec(cmd.get(0), cmd, timeoutSeconds, false);
    }

    private static String exec(String label, List<String> cmd, long timeoutSeconds, boolean returnStderr)
            throws IOException {
        long t0 = System.nanoTime();
        try {
            return exec(cmd, timeoutSeconds, returnStderr);
        } finally {
            Listener l = listener;
            if (l != null) l.finished(label, System.nanoTime() - t0);
        }
    }

    private static String exec(List<String> cmd, long timeoutSeconds, boolean returnStderr) throws IOException {
        Path err = Files.createTempFile("reelsmith-ffmpeg", ".log");
        Path out = Files.createTempFile("reelsmith-ffmpeg", ".out");
        try {
            Process p;
            try {
                p = new ProcessBuilder(atPriority(cmd))
                        .redirectError(err.toFile())
                        .redirectOutput(out.toFile())
                        .start();
            } catch (IOException e) {
                throw new MediaException(
                        cmd.get(0) + " is not installed or cannot run (apt-get install ffmpeg): " + e.getMessage());
            }
            boolean done;
            try {
                done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while " + cmd.get(0) + " was running");
            }
            if (!done) {
                p.destroyForcibly();
                throw new MediaException(cmd.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                String stderr = Files.readString(err, StandardCharsets.UTF_8).strip();
                throw new MediaException(cmd.get(0) + " failed (exit " + p.exitValue() + "): " + tail(stderr, 2000));
            }
            return Files.readString(returnStderr ? err : out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err);
            Files.deleteIfExists(out);
        }
    }

    private static String tail(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max);
    }

    /** Quotes a value for use inside a filter graph option, e.g. a file path for {@code ass=}. */
    public static String filterQuote(String value) {
        String escaped = value.replace("\\", "\\\\").replace("'", "'\\\\\\''").replace(":", "\\:");
        return "'" + escaped + "'";
    }
}

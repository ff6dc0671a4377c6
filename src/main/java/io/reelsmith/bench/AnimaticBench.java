package io.reelsmith.bench;

import io.reelsmith.app.provider.LocalStages;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.StepListener;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.kernel.WorkspaceFile;
import io.reelsmith.pipeline.FileJournal;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.subtitle.CaptionStyle;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reelsmith bench animatic}: the whole offline pipeline (portrait, offline script, animatic blocks,
 * subtitles, the final 1080x1920 render) on an 8-block script, timed, then one bare encode of the same
 * length in the same run — the floor: the final video's picture decoded and encoded again with the render's
 * x264 settings, audio copied. Issue #14's target: {@code ratio} (pipeline wall ÷ video length) ≤ 0.6 on 2
 * cores. CPU seconds are printed beside wall seconds: they barely move when other processes load the machine.
 */
@Command(
        name = "animatic",
        description =
                "Benchmark the offline animatic through the whole pipeline, against one bare 1080x1920 encode of the same length.")
public final class AnimaticBench implements Callable<Integer> {
    @Option(names = "--blocks", description = "Blocks in the script (default ${DEFAULT-VALUE}: about 60 s).")
    int blocks = 8;

    @Option(names = "--lang", description = "en or fr (default ${DEFAULT-VALUE}).")
    String language = "en";

    @Option(
            names = "--keep",
            description = "Make the video in this directory and keep it (default: a temporary one, deleted).")
    Path keep;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        if (keep != null && Files.isDirectory(keep)) {
            try (var entries = Files.list(keep)) {
                if (entries.findAny().isPresent())
                    throw new IllegalArgumentException(
                            "--keep " + keep + " is not empty: a finished job there would be skipped, not timed");
            }
        }
        Path dir = keep != null ? keep : Files.createTempDirectory("reelsmith-bench-animatic");
        try {
            Files.createDirectories(dir);
            out.println("machine: " + Machine.describe());
            Workspace ws = new Workspace(dir);
            Stages stages = LocalStages.create(CaptionStyle.SHORTS);
            String theme = "fr".equals(language) ? "la carte au trésor perdue" : "the lost treasure map";
            JobSpec spec = new JobSpec(
                    theme, new CharacterProfile("Nano", "a cute banana with sunglasses", "cartoon"), blocks, language);
            Map<String, Long> steps = new LinkedHashMap<>();
            double own0 = ownCpu(), children0 = ChildCpu.seconds();
            long t0 = System.nanoTime();
            Phases phases = Phases.listen();
            Map<String, Phases.Phase> ffmpeg;
            try {
                new Pipeline(stages)
                        .run(
                                spec,
                                ws,
                                new FileJournal(ws.journal()),
                                new StepListener() {
                                    @Override
                                    public void stepFinished(Step step, long millis, boolean skipped) {
                                        steps.put(step.text(), millis);
                                        out.printf(
                                                Locale.ROOT,
                                                "%-10s %7.2f s%s%n",
                                                step,
                                                millis / 1000.0,
                                                skipped ? " (skipped: already done)" : "");
                                    }
                                },
                                () -> false);
            } finally {
                ffmpeg = phases.take();
                phases.stop();
            }
            double wall = (System.nanoTime() - t0) / 1e9,
                    own = ownCpu() - own0,
                    cpu = own + ChildCpu.seconds() - children0;
            MediaInfo video = MediaInfo.probe(ws.file(WorkspaceFile.FINAL_VIDEO));

            double bareCpu0 = ChildCpu.seconds();
            long b0 = System.nanoTime();
            bareEncode(ws.file(WorkspaceFile.FINAL_VIDEO), dir.resolve("bare.mp4"));
            double bareWall = (System.nanoTime() - b0) / 1e9, bareCpu = ChildCpu.seconds() - bareCpu0;

            double v = video.seconds();
            double blocksSeconds = steps.entrySet().stream()
                            .filter(e -> Step.parse(e.getKey()) instanceof Step.Block)
                            .mapToLong(Map.Entry::getValue)
                            .sum()
                    / 1000.0;
            double render = steps.getOrDefault(Step.RENDER.text(), 0L) / 1000.0;
            out.printf(
                    Locale.ROOT,
                    "video      %7.2f s  %dx%d %s %.0f fps%n",
                    v,
                    video.width(),
                    video.height(),
                    video.videoCodec(),
                    video.fps());
            out.printf(
                    Locale.ROOT,
                    "blocks     %7.2f s  (%.2f x real time: speech, sound, painting; nothing encoded)%n",
                    blocksSeconds,
                    blocksSeconds / v);
            out.printf(
                    Locale.ROOT,
                    "render     %7.2f s  (%.2f x real time: drawing, subtitles, loudness, the one encode, cover)%n",
                    render,
                    render / v);
            out.printf(
                    Locale.ROOT,
                    "wall       %7.2f s  (%.2f x real time), cpu %.2f s (%.2f s per video second), on %d cores%n",
                    wall,
                    wall / v,
                    cpu,
                    cpu / v,
                    Runtime.getRuntime().availableProcessors());
            out.printf(
                    Locale.ROOT,
                    "bare       %7.2f s  (%.2f x real time), cpu %.2f s: one 1080x1920 %d fps encode of the same length%n",
                    bareWall,
                    bareWall / v,
                    bareCpu,
                    Ffmpeg.PUBLISH_FPS);
            out.printf(
                    Locale.ROOT,
                    "where the CPU goes: this JVM %.2f s (portrait, TTS, painting, sprite sheets, the journal); FFmpeg and ffprobe:%n",
                    own);
            Phases.print(out, "  ", ffmpeg);
            out.printf(Locale.ROOT, "load average at the end: %s%n", Machine.loadAverage());
            out.printf(
                    Locale.ROOT,
                    "RESULT ratio=%.3f bare_ratio=%.3f vs_bare=%.3f cpu_vs_bare=%.3f%n",
                    wall / v,
                    bareWall / v,
                    wall / bareWall,
                    cpu / bareCpu);
            return 0;
        } finally {
            if (keep == null) deleteTree(dir);
        }
    }

    /** The floor the pipeline is measured against: the final picture decoded and encoded again, same settings. */
    private static void bareEncode(Path video, Path out) throws IOException {
        Ffmpeg.command()
                .input(video)
                .videoFilter("fps=" + Ffmpeg.PUBLISH_FPS)
                .map("0:v:0", "0:a:0")
                .publishVideo("veryfast", 23)
                .args("-c:a", "copy")
                .faststart()
                .output(out)
                .run();
    }

    /** CPU time of this JVM (the Java half of the pipeline: TTS calls, painting, sprite sheets, the journal). */
    private static double ownCpu() {
        return ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .orElse(Duration.ZERO)
                        .toNanos()
                / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

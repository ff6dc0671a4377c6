package io.reelsmith.video.local;

import io.reelsmith.character.CharacterProfile;
import io.reelsmith.pipeline.FileJournal;
import io.reelsmith.pipeline.JobSpec;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.pipeline.Workspace;
import io.reelsmith.render.MediaInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code reelsmith bench animatic}: the whole offline pipeline (portrait, offline script, animatic blocks,
 * subtitles, the final 1080x1920 render) on an 8-block script, timed. Issue #2's target is wall ≤ 1.0× the
 * video's length on 2 cores. Prints each step's time, then exactly one line {@code RESULT animatic_rtf=…}.
 */
@Command(name = "animatic", mixinStandardHelpOptions = true,
        description = "Benchmark the offline animatic through the whole pipeline (wall seconds / video seconds).")
public final class AnimaticBench implements Callable<Integer> {
    @Option(names = "--blocks", description = "Blocks in the script (default ${DEFAULT-VALUE}: about 60 s).")
    int blocks = 8;

    @Option(names = "--lang", description = "en or fr (default ${DEFAULT-VALUE}).")
    String language = "en";

    @Option(names = "--keep", description = "Make the video in this directory and keep it (default: a temporary one, deleted).")
    Path keep;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        if (keep != null && Files.isDirectory(keep)) {
            try (var entries = Files.list(keep)) {
                if (entries.findAny().isPresent()) throw new IllegalArgumentException("--keep " + keep + " is not empty: a finished job there would be skipped, not timed");
            }
        }
        Path dir = keep != null ? keep : Files.createTempDirectory("reelsmith-bench-animatic");
        try {
            Files.createDirectories(dir);
            Workspace ws = new Workspace(dir);
            Stages stages = LocalStages.create(io.reelsmith.subtitle.CaptionStyle.SHORTS);
            String theme = "fr".equals(language) ? "la carte au trésor perdue" : "the lost treasure map";
            JobSpec spec = new JobSpec(theme, new CharacterProfile("Nano", "a cute banana with sunglasses", "cartoon"), blocks, language);
            Map<String, Long> steps = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            new Pipeline(stages).run(spec, ws, new FileJournal(ws.journal()), new Pipeline.Listener() {
                @Override
                public void stepFinished(String step, long millis, boolean skipped) {
                    steps.put(step, millis);
                    out.printf(Locale.ROOT, "%-10s %7.2f s%s%n", step, millis / 1000.0, skipped ? " (skipped: already done)" : "");
                }
            }, () -> false);
            double wall = (System.nanoTime() - t0) / 1e9;
            MediaInfo video = MediaInfo.probe(ws.finalVideo());
            double blocksSeconds = steps.entrySet().stream().filter(e -> e.getKey().startsWith("block-")).mapToLong(Map.Entry::getValue).sum() / 1000.0;
            out.printf(Locale.ROOT, "video      %7.2f s  %dx%d %s%n", video.seconds(), video.width(), video.height(), video.videoCodec());
            out.printf(Locale.ROOT, "blocks     %7.2f s  (%.2f x real time)%n", blocksSeconds, blocksSeconds / video.seconds());
            out.printf(Locale.ROOT, "render     %7.2f s  (%.2f x real time)%n", steps.getOrDefault(Pipeline.RENDER, 0L) / 1000.0,
                    steps.getOrDefault(Pipeline.RENDER, 0L) / 1000.0 / video.seconds());
            out.printf(Locale.ROOT, "wall       %7.2f s  on %d cores%n", wall, Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "RESULT animatic_rtf=%.3f%n", wall / video.seconds());
            return 0;
        } finally {
            if (keep == null) deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

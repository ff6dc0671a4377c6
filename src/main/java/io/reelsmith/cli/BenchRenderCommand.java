package io.reelsmith.cli;

import io.reelsmith.bench.RenderBenchmark;
import io.reelsmith.bench.WorkDir;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "render",
        description = "final.mp4 (scale to 1080x1920 + karaoke subtitles) vs a bare scale+encode of the same take; "
                + "prints RESULT render_ratio=… (target ≤ 1.10).")
public final class BenchRenderCommand implements Callable<Integer> {
    @Option(
            names = "--seconds",
            defaultValue = "29",
            description = "length of the synthetic take (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(
            names = "--runs",
            defaultValue = "5",
            description = "timed rounds of each render, alternated (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--dir", description = "working directory (default: a temporary one, deleted afterwards)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || seconds > 600) throw new IllegalArgumentException("--seconds must be between 1 and 600");
        if (runs < 1) throw new IllegalArgumentException("--runs must be at least 1");
        try (WorkDir.Open work = WorkDir.open(dir, "reelsmith-bench-render")) {
            RenderBenchmark.Settings standard = RenderBenchmark.Settings.standard();
            var settings = new RenderBenchmark.Settings(
                    seconds, standard.width(), standard.height(), runs, standard.preset(), standard.crf());
            System.out.println(
                    new RenderBenchmark(System.out).run(settings, work.path()).resultLine());
            return 0;
        }
    }
}

package io.reelsmith.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderBenchmarkTest {
    @Test
    void rendersBothVariantsOfAShortTakeAndReportsTheirRatio(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        var settings = new RenderBenchmark.Settings(4, 360, 640, 1, "ultrafast", 30);

        RenderBenchmark.Result r = new RenderBenchmark(new PrintStream(log, true)).run(settings, dir);

        assertThat(r.words()).isGreaterThan(5);
        assertThat(r.output().width()).isEqualTo(1080);
        assertThat(r.output().height()).isEqualTo(1920);
        assertThat(r.output().seconds()).isBetween(3.5, 4.5);
        assertThat(Files.size(dir.resolve("bare.mp4"))).isPositive();
        assertThat(r.finalSeconds()).hasSize(1);
        assertThat(r.bareSeconds()).hasSize(1);
        assertThat(r.ratio()).isPositive();
        assertThat(r.resultLine()).matches("RESULT render_ratio=\\d+\\.\\d{3} wall_ratio=\\d+\\.\\d{3} final_cpu_s=.*");
        assertThat(r.wallRatio()).isPositive();
        assertThat(log.toString()).contains("run 1 bare", "run 1 final", "s cpu");
        // where the final's CPU goes: one run reads the take (no ffprobe), then the encode; the JVM counted too
        assertThat(log.toString())
                .contains("read take + loudness", "encode + cover", RenderBenchmark.JVM)
                .doesNotContain("ffprobe");
    }

    @Test
    void medianAndPercentileUseTheSamples() {
        assertThat(Stats.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Stats.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        var hundred = new ArrayList<Double>();
        for (int i = 1; i <= 100; i++) hundred.add((double) i);
        assertThat(Stats.percentile(hundred, 99)).isEqualTo(99.0);
        assertThat(Stats.percentile(hundred, 100)).isEqualTo(100.0);
    }
}

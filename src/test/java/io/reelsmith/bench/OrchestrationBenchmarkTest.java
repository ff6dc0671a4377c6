package io.reelsmith.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A small run of {@code bench orchestration}: the whole cluster, two videos, light status polling. */
class OrchestrationBenchmarkTest {
    @Test
    void measuresEveryStepTransitionAndEveryStatusRequest() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        var settings = new OrchestrationBenchmark.Settings(
                2, 1, 2, 1, "local", 20, Duration.ofMillis(300), Duration.ofMinutes(3), 0);

        OrchestrationBenchmark.Result r = new OrchestrationBenchmark(new PrintStream(log, true)).run(settings);

        assertThat(r.completed()).as(log.toString()).isEqualTo(2);
        // character → script → block-1 → subtitles → render: 4 transitions per video
        assertThat(r.stepGapsMs()).hasSize(8).allMatch(ms -> ms >= 0 && ms < 60_000);
        assertThat(r.apiRequests()).isGreaterThan(20);
        assertThat(r.apiLatenciesMs()).hasSize(r.apiRequests() - r.apiFailures());
        assertThat(r.resultLine())
                .matches("RESULT step_overhead_ms=\\d+\\.\\d api_p99_ms=\\d+\\.\\d .* jobs=2 completed=2 .*");
        assertThat(log.toString())
                .contains("API with no job running")
                .containsPattern("workers [\\d.]+ s \\([\\d.]+ s per video: JVM [\\d.]+ s, FFmpeg/ffprobe [\\d.]+ s\\)")
                .contains("this process by thread")
                .containsPattern("waiting for a core during the run .*: API [\\d.]+ s \\([\\d.]+ ms per status request")
                .containsPattern("API p99 \\(ms\\) by 5 s of the run:( \\d+)+")
                .containsPattern("media runs per video: [\\d.]+ — .*ffprobe [\\d.]+ \\(\\d+ ms wall each\\)")
                .containsPattern("database: [\\d.]+ statements and [\\d.]+ committed transactions per video")
                .contains("INSERT INTO video_step_log");
    }
}

package io.reelsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelsmith.kernel.Step;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageProgressTest {
    /** Drives a listener through a whole run of {@code blocks} blocks, the first {@code reused} steps already done. */
    private static String run(StageProgress progress, ByteArrayOutputStream buf, int blocks, int reused) {
        List<Step> steps = Step.all(blocks);
        try (progress) {
            for (int i = 0; i < steps.size(); i++) {
                progress.stepStarted(steps.get(i), i, steps.size());
                progress.stepFinished(steps.get(i), i < reused ? 0 : 100, i < reused);
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void outsideATerminalEachStageStartsAndEndsOnOneLineAndTheVideoStageReportsAboutEveryTenPercent() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        String out =
                run(StageProgress.of(new PrintStream(buf, true, StandardCharsets.UTF_8), false, false), buf, 20, 0);
        List<String> lines = out.lines().toList();
        assertThat(out).doesNotContain("\r").doesNotContain("[");
        assertThat(lines).doesNotHaveDuplicates();
        assertThat(lines)
                .startsWith(
                        "character: started",
                        "character: done in 0.1 s",
                        "script: started",
                        "script: done in 0.1 s",
                        "video: started, 20 steps");
        assertThat(lines)
                .contains(
                        "video: 10% (2/20)",
                        "video: 50% (10/20)", "video: 90% (18/20)", "video: done in 2.0 s", "render: done in 0.1 s");
        assertThat(lines.stream().filter(l -> l.matches("video: \\d+% .*")))
                .as("one line per 10 %% (the end says done), not per block")
                .hasSize(9);
        assertThat(lines).hasSize(5 * 2 + 9);
    }

    @Test
    void reusedStepsAreSaid() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        String out = run(StageProgress.of(new PrintStream(buf, true, StandardCharsets.UTF_8), false, false), buf, 4, 4);
        assertThat(out).contains("video: done in 0.2 s (2 of 4 reused from an earlier run)");
    }

    @Test
    void jsonProgressIsOneObjectPerLineAndEvent() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        String out = run(StageProgress.of(new PrintStream(buf, true, StandardCharsets.UTF_8), true, true), buf, 3, 0);
        List<JsonNode> events = new ArrayList<>();
        for (String line : out.lines().toList()) events.add(new ObjectMapper().readTree(line));
        assertThat(events).hasSize(2 * Step.all(3).size());
        assertThat(events.get(0).path("event").asText()).isEqualTo("step-started");
        assertThat(events.get(0).path("step").asText()).isEqualTo("character");
        JsonNode block2 = events.stream()
                .filter(e -> e.path("event").asText().equals("step-finished")
                        && e.path("step").asText().equals("block-2"))
                .findFirst()
                .orElseThrow();
        assertThat(block2.path("stage").asText()).isEqualTo("video");
        assertThat(block2.path("millis").asLong()).isEqualTo(100);
        assertThat(block2.path("reused").asBoolean()).isFalse();
        assertThat(events.get(events.size() - 1).path("percent").asInt()).isEqualTo(100);
    }
}

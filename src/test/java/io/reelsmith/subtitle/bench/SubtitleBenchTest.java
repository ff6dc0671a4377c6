package io.reelsmith.subtitle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SubtitleBenchTest {
    @Test
    void endsWithOneResultLineWithinTheTargets() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            exit = Main.run(
                    new PrintWriter(new StringWriter()), "bench", "subtitles", "--clips", "2", "--no-recognition");
        } finally {
            System.setOut(stdout);
        }

        assertThat(exit).isZero();
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.stream().filter(l -> l.startsWith("RESULT")).count()).isEqualTo(1);
        Matcher m = Pattern.compile("RESULT median_ms=(\\d+) p95_ms=(\\d+) wer=([0-9.]+) speed_x=([0-9.]+)")
                .matcher(lines.get(lines.size() - 1));
        assertThat(m.matches()).as(lines.get(lines.size() - 1)).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isLessThanOrEqualTo(40);
        assertThat(Integer.parseInt(m.group(2))).isLessThanOrEqualTo(150);
        assertThat(Double.parseDouble(m.group(3))).isLessThanOrEqualTo(0.02);
        assertThat(Double.parseDouble(m.group(4))).isPositive(); // speed depends on the machine's load: not asserted
    }

    @Test
    void onlyScoresTheChosenClipAndRefusesANumberOutsideTheSet() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        PrintStream stdout = System.out;
        int chosen, outside;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            chosen = Main.run(
                    new PrintWriter(new StringWriter()),
                    "bench",
                    "subtitles",
                    "--clips",
                    "2",
                    "--only",
                    "1",
                    "--no-recognition");
            outside = Main.run(
                    new PrintWriter(err, true),
                    "bench",
                    "subtitles",
                    "--clips",
                    "2",
                    "--only",
                    "7",
                    "--no-recognition");
        } finally {
            System.setOut(stdout);
        }

        assertThat(chosen).isZero();
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("01 ")).noneMatch(l -> l.startsWith("00 "));
        String clip =
                lines.stream().filter(l -> l.startsWith("01 ")).findFirst().orElseThrow();
        String all =
                lines.stream().filter(l -> l.startsWith("ALL ")).findFirst().orElseThrow();
        assertThat(all.split("\\s+")[1])
                .as("words in the total: clip 01's alone")
                .isEqualTo(clip.split("\\s+")[4]);
        assertThat(outside).isNotZero();
        assertThat(err.toString()).contains("--only [7] selects no clip");
    }
}

package io.reelsmith.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimaticBenchTest {
    @Test
    void oneBlockBenchRunsThePipelineAndEndsWithOneResultLine(@TempDir Path dir) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            code = Main.run("bench", "animatic", "--blocks", "1", "--keep", dir.toString());
        } finally {
            System.setOut(saved);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        saved.print(out);
        assertThat(code).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines.get(lines.size() - 1))
                .matches(
                        "RESULT ratio=\\d+\\.\\d{3} bare_ratio=\\d+\\.\\d{3} vs_bare=\\d+\\.\\d{3} cpu_vs_bare=\\d+\\.\\d{3}");
        assertThat(lines.stream().filter(l -> l.startsWith("RESULT"))).hasSize(1);
        assertThat(out)
                .contains(
                        "block-1", "render", "1080x1920 h264 30 fps", "bare ", "where the CPU goes", "block sound mix");
        assertThat(Files.exists(dir.resolve("final.mp4"))).isTrue();
    }
}

package io.reelsmith.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input: exit code ≠ 0, one readable line, and no final.mp4 left behind. */
class MakeBadInputTest {
    @TempDir Path dir;

    private String fails(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), args);
        assertThat(code).as("exit code of %s", String.join(" ", args)).isNotZero();
        String text = err.toString().strip();
        assertThat(text.lines().count()).as("stderr: %s", text).isEqualTo(1);
        assertThat(dir.resolve("out/final.mp4")).doesNotExist();
        return text;
    }

    /** {@code make --theme t OPTIONS --out DIR/out}: a valid command but for {@code options}. */
    private String makeFails(String... options) {
        List<String> args = new ArrayList<>(List.of("make", "--theme", "t"));
        args.addAll(List.of(options));
        args.addAll(List.of("--out", dir.resolve("out").toString()));
        return fails(args.toArray(String[]::new));
    }

    @Test
    void noTheme() {
        assertThat(fails("make", "--out", dir.resolve("out").toString())).contains("--theme is required");
        assertThat(fails("make", "--theme", "  ", "--out", dir.resolve("out").toString())).contains("--theme is required");
    }

    @Test
    void missingOrNonImageCharacterFile() throws Exception {
        assertThat(makeFails("--character-image", dir.resolve("nope.png").toString())).contains("nope.png");
        Path fake = dir.resolve("fake.png");
        Files.writeString(fake, "this is not an image");
        assertThat(makeFails("--character-image", fake.toString())).contains("fake.png is a text file, not an image");
    }

    @Test
    void malformedScripts() throws Exception {
        Path text = dir.resolve("s.txt");
        Files.writeString(text, "**BLOCK 1 (Scenes 1-2):**\n- DIALOGUE: Kwirlo says hello\n- VISUAL: a park\n");
        assertThat(makeFails("--script", text.toString())).contains("line 2: dialogue without quoted text");
        Path json = dir.resolve("s.json");
        Files.writeString(json, "{\"blocks\": [ {\"number\": 1, ");
        assertThat(makeFails("--script", json.toString())).contains("malformed script JSON");
    }

    @Test
    void wrongOptions() {
        assertThat(makeFails("--lang", "de")).contains("language must be en or fr");
        assertThat(makeFails("--blocks", "0")).contains("blocks must be between 1 and 21");
        assertThat(makeFails("--provider", "acme")).contains("unknown provider 'acme'");
        assertThat(fails("make", "--theme", "t")).contains("Missing required option");
        assertThat(makeFails("--blocks", "many")).contains("many");
    }
}

package io.reelsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: exit code ≠ 0, one readable line, and no final.mp4 left behind. */
class MakeBadInputTest {
    @TempDir
    Path dir;

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
        assertThat(fails("make", "--theme", "  ", "--out", dir.resolve("out").toString()))
                .contains("--theme is required");
    }

    @Test
    void missingOrNonImageCharacterFile() throws Exception {
        assertThat(makeFails("--character-image", dir.resolve("nope.png").toString()))
                .contains("nope.png");
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

    @Test
    void badCasts() throws Exception {
        String out = dir.resolve("out").toString();
        assertThat(fails(
                        "make",
                        "--theme",
                        "t",
                        "--character",
                        "A",
                        "--character",
                        "B",
                        "--character",
                        "C",
                        "--character",
                        "D",
                        "--out",
                        out))
                .contains("at most 3 characters; --character is given 4 times");
        assertThat(fails("make", "--theme", "t", "--character", "Nano", "--character", "nano: a twin", "--out", out))
                .contains("two characters of the cast are named nano");
        assertThat(fails("make", "--theme", "t", "--character", "Nano", "--character-name", "Mira", "--out", out))
                .contains("not both");
        Path script = dir.resolve("s.json");
        Files.writeString(
                script,
                "{\"language\":\"en\",\"blocks\":[{\"number\":1,\"dialogue\":[{\"speaker\":\"Stranger\",\"text\":\"Hello there\"}],"
                        + "\"visual\":\"a park\",\"sound\":\"birds\"}]}");
        assertThat(fails(
                        "make",
                        "--theme",
                        "t",
                        "--character",
                        "Nano",
                        "--character",
                        "Mira",
                        "--script",
                        script.toString(),
                        "--out",
                        out))
                .contains("\"Stranger\", who is not in the cast (Nano, Mira)");
        assertThat(dir.resolve("out")).as("nothing written").doesNotExist();
    }

    @Test
    void aBadThemesFileOrOptionIsOneLineAndWritesNothing() throws Exception {
        String out = dir.resolve("out").toString();
        assertThat(fails("make", "--themes", dir.resolve("nope.txt").toString(), "--out", out))
                .contains("themes file not found")
                .contains("nope.txt");
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "# only a comment\n\n");
        assertThat(fails("make", "--themes", empty.toString(), "--out", out)).contains("has no theme");
        Path many = dir.resolve("many.txt");
        Files.writeString(many, String.join("\n", Collections.nCopies(51, "a theme")));
        assertThat(fails("make", "--themes", many.toString(), "--out", out)).contains("at most 50 themes");
        Path longTheme = dir.resolve("long.txt");
        Files.writeString(longTheme, "fine\n" + "x".repeat(501) + "\n");
        assertThat(fails("make", "--themes", longTheme.toString(), "--out", out))
                .contains("theme 2 is longer than 500 characters");
        Path binary = dir.resolve("binary.txt");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        assertThat(fails("make", "--themes", binary.toString(), "--out", out)).contains("is not UTF-8 text");
        Path ok = dir.resolve("ok.txt");
        Files.writeString(ok, "a kite\n");
        assertThat(fails("make", "--themes", ok.toString(), "--budget-usd", "0", "--out", out))
                .contains("--budget-usd must be above 0");
        assertThat(fails("make", "--themes", ok.toString(), "--theme", "a kite", "--out", out))
                .contains("either --theme or --themes");
        assertThat(fails("make", "--themes", ok.toString(), "--blocks", "0", "--out", out))
                .contains("blocks must be between 1 and 21");
        assertThat(fails("make", "--theme", "a kite", "--budget-usd", "3", "--out", out))
                .contains("--budget-usd is for a batch of --themes");
        assertThat(dir.resolve("out")).as("nothing written").doesNotExist();
    }
}

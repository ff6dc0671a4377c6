package io.reelsmith.cli;

import io.reelsmith.kernel.MediaInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code make --themes FILE} with the local provider: one video per theme in its own folder, a summary, and bad files refused. */
class MakeThemesTest {
    @TempDir Path dir;

    @Test
    void oneVideoPerThemeEachInItsOwnFolderThenASummary() throws Exception {
        Path themes = dir.resolve("themes.txt");
        Files.writeString(themes, "# my series\na kite on the beach\n\n   \nla forêt enchantée\n");
        Path out = dir.resolve("out");
        PrintStream saved = System.out;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("make", "--themes", themes.toString(), "--blocks", "1", "--budget-usd", "0.50", "--out", out.toString());
        } finally {
            System.setOut(saved);
        }
        String summary = stdout.toString(StandardCharsets.UTF_8);
        assertThat(code).as(summary).isZero();
        for (String folder : new String[]{"01-a-kite-on-the-beach", "02-la-foret-enchantee"}) {
            MediaInfo m = MediaInfo.probe(out.resolve(folder).resolve("final.mp4"));
            assertThat(m.width()).isEqualTo(1080);
            assertThat(m.height()).isEqualTo(1920);
            assertThat(out.resolve(folder).resolve("manifest.json")).exists();
        }
        try (var listing = Files.list(out)) {
            assertThat(listing.count()).as("one folder per theme, nothing else").isEqualTo(2);
        }
        assertThat(summary).contains("a kite on the beach").contains("la forêt enchantée").contains(out.resolve("01-a-kite-on-the-beach").resolve("final.mp4").toString())
                .contains("2 done, 0 failed, 0 skipped; spent $0.00 (budget $0.50, provider local)");
    }

    private String fails(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), args);
        assertThat(code).as("exit code of %s", String.join(" ", args)).isNotZero();
        String text = err.toString().strip();
        assertThat(text.lines().count()).as("stderr: %s", text).isEqualTo(1);
        assertThat(dir.resolve("out")).as("nothing written").doesNotExist();
        return text;
    }

    @Test
    void aBadThemesFileOrOptionIsOneLineAndWritesNothing() throws Exception {
        String out = dir.resolve("out").toString();
        assertThat(fails("make", "--themes", dir.resolve("nope.txt").toString(), "--out", out)).contains("themes file not found").contains("nope.txt");
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "# only a comment\n\n");
        assertThat(fails("make", "--themes", empty.toString(), "--out", out)).contains("has no theme");
        Path many = dir.resolve("many.txt");
        Files.writeString(many, String.join("\n", Collections.nCopies(51, "a theme")));
        assertThat(fails("make", "--themes", many.toString(), "--out", out)).contains("at most 50 themes");
        Path longTheme = dir.resolve("long.txt");
        Files.writeString(longTheme, "fine\n" + "x".repeat(501) + "\n");
        assertThat(fails("make", "--themes", longTheme.toString(), "--out", out)).contains("theme 2 is longer than 500 characters");
        Path binary = dir.resolve("binary.txt");
        Files.write(binary, new byte[]{(byte) 0xff, (byte) 0xfe, 0x41});
        assertThat(fails("make", "--themes", binary.toString(), "--out", out)).contains("is not UTF-8 text");
        Path ok = dir.resolve("ok.txt");
        Files.writeString(ok, "a kite\n");
        assertThat(fails("make", "--themes", ok.toString(), "--budget-usd", "0", "--out", out)).contains("--budget-usd must be above 0");
        assertThat(fails("make", "--themes", ok.toString(), "--theme", "a kite", "--out", out)).contains("either --theme or --themes");
        assertThat(fails("make", "--themes", ok.toString(), "--blocks", "0", "--out", out)).contains("blocks must be between 1 and 21");
        assertThat(fails("make", "--theme", "a kite", "--budget-usd", "3", "--out", out)).contains("--budget-usd is for a batch of --themes");
    }
}

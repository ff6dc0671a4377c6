package io.reelsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.testkit.Printed;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code make --themes FILE} with the local provider: one video per theme in its own folder, then a summary (bad files: {@link MakeBadInputTest}). */
class MakeThemesTest {
    @TempDir
    Path dir;

    @Test
    void oneVideoPerThemeEachInItsOwnFolderThenASummary() throws Exception {
        Path themes = dir.resolve("themes.txt");
        Files.writeString(themes, "# my series\na kite on the beach\n\n   \nla forêt enchantée\n");
        Path out = dir.resolve("out");
        Printed made = Printed.by(() -> Main.run(
                "make",
                "--themes",
                themes.toString(),
                "--blocks",
                "1",
                "--budget-usd",
                "0.50",
                "--out",
                out.toString()));
        String summary = made.out();
        assertThat(made.code()).as(summary).isZero();
        for (String folder : new String[] {"01-a-kite-on-the-beach", "02-la-foret-enchantee"}) {
            MediaInfo m = MediaInfo.probe(out.resolve(folder).resolve("final.mp4"));
            assertThat(m.width()).isEqualTo(1080);
            assertThat(m.height()).isEqualTo(1920);
            assertThat(out.resolve(folder).resolve("manifest.json")).exists();
        }
        try (var listing = Files.list(out)) {
            assertThat(listing.count()).as("one folder per theme, nothing else").isEqualTo(2);
        }
        assertThat(summary)
                .contains("a kite on the beach")
                .contains("la forêt enchantée")
                .contains(out.resolve("01-a-kite-on-the-beach")
                        .resolve("final.mp4")
                        .toString())
                .contains("2 done, 0 failed, 0 skipped; spent $0.00 (budget $0.50, provider local)");
    }
}

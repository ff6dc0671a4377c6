package io.reelsmith.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.reelsmith.api.FakeStages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The batch page in a real browser against a real server (started as {@link WebUiTest} does, with the tests'
 * fast local provider): a creator pastes three themes, starts the batch, watches each video's progress (polled)
 * until all three are done, then gets each final.mp4 and the ZIP of all three.
 */
class BatchUiTest {
    @RegisterExtension
    static final WebService ui = new WebService(FakeStages.providers(), Map.of("reelsmith.jobs.workers", "3"));

    /** From the videos page through the nav to the batch page, then the form: themes, one block each, provider, budget. */
    static void fillBatchForm(Browser.Tab tab, String themes, String provider, String budgetUsd) {
        tab.open("#/videos");
        tab.page
                .getByRole(AriaRole.NAVIGATION)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Batches"))
                .click();
        tab.page.waitForURL(Pattern.compile(".*#/batches$"));
        tab.page.getByLabel("Themes").fill(themes);
        tab.page
                .getByLabel("Blocks", new Page.GetByLabelOptions().setExact(true))
                .fill("1");
        tab.page.getByLabel("Provider").selectOption(provider);
        tab.page.getByLabel("Budget (US$)").fill(budgetUsd);
    }

    @Test
    void pasteThreeThemesStartFollowToDoneAndGetTheFiles() throws Exception {
        try (Browser.Tab tab = ui.newTab()) {
            Page page = tab.page;
            // An account with one character, made through the API; the browser signs in with its token.
            tab.uploadCharacter(tab.signIn("batcher@example.com"), "Nano Banana", "a cheerful banana");

            // Three themes (and a blank line), one block each, local, $1.
            fillBatchForm(tab, "A kite race on the beach\n\nA cake for grandma\nA lost cat in the city", "local", "1");
            tab.shoot("batch-new");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the batch"))
                    .click();
            page.waitForURL(Pattern.compile(".*#/batches/[0-9a-f-]{36}$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Batch of 3 videos")))
                    .isVisible();
            Locator videos = page.locator(".batch-videos > li");
            assertThat(videos).hasCount(3);
            WebUiTest.recordProgressTexts(page);

            // Progress is polled until every video is done; it was seen before the end too.
            Locator progress = page.locator(".progress-text");
            assertThat(progress)
                    .hasAttribute(
                            "data-status", "finished", new LocatorAssertions.HasAttributeOptions().setTimeout(120_000));
            assertThat(progress).hasText("Finished: 3 done.");
            assertThat(WebUiTest.progressTextsSeen(page)).anyMatch(t -> t.matches("[0-2] of 3 finished.*"));
            assertThat(page.locator(".batch-videos > li[data-status=completed]"))
                    .hasCount(3);
            assertThat(videos.first()).containsText("1. A kite race on the beach");
            assertThat(page.locator(".batch-spend")).hasText(Pattern.compile("^\\$0\\.00 spent of a \\$1\\.00 budget"));
            tab.shoot("batch-done");

            // Each video's final.mp4, and the ZIP of all three.
            Download mp4 = page.waitForDownload(
                    () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download video 2 (MP4)"))
                            .click());
            assertThat(Files.size(mp4.path())).isGreaterThan(1000);
            assertThat(new String(Files.readAllBytes(mp4.path()), 4, 4, StandardCharsets.US_ASCII))
                    .isEqualTo("ftyp");
            Download zip = page.waitForDownload(() -> page.getByRole(
                            AriaRole.LINK, new Page.GetByRoleOptions().setName("Download all finished videos (ZIP, 3)"))
                    .click());
            List<String> names = new ArrayList<>();
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip.path()))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) names.add(e.getName());
            }
            assertThat(names)
                    .containsExactly(
                            "01-a-kite-race-on-the-beach.mp4",
                            "02-a-cake-for-grandma.mp4",
                            "03-a-lost-cat-in-the-city.mp4");

            // The batch list shows it finished. Web-first: right after the hash changes the old page may still be
            // on screen (a fresh clone once read "1. A kite race…" here), so wait for the list's own text.
            page.getByRole(AriaRole.NAVIGATION)
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Batches"))
                    .click();
            page.waitForURL(Pattern.compile(".*#/batches$"));
            Locator item = page.locator(".video-item").first();
            assertThat(item).containsText("3 videos");
            assertThat(item).containsText("3 done");
            assertThat(item).containsText("Finished");
            assertThat(tab.consoleErrors).as("console errors").isEmpty();
        }
    }
}

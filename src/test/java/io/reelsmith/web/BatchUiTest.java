package io.reelsmith.web;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.reelsmith.api.FakeStages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch page in a real browser against a real server (started as {@link WebUiTest} does, with the tests'
 * fast local provider): a creator pastes three themes, starts the batch, watches each video's progress (polled)
 * until all three are done, then gets each final.mp4 and the ZIP of all three.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchUiTest {
    @TempDir
    static java.nio.file.Path data;
    WebService.Session ui;

    @BeforeAll
    void start() throws Exception {
        ui = WebService.open(data, FakeStages.providers(), Map.of("reelsmith.jobs.workers", "3"));
    }

    @AfterAll
    void stop() {
        if (ui != null) ui.close();
    }

    @Test
    void pasteThreeThemesStartFollowToDoneAndGetTheFiles() throws Exception {
        try (Browser.Tab tab = ui.browser().newTab(ui.baseUrl())) {
            Page page = tab.page;
            // An account with one character, made through the API; the browser signs in with its token.
            var api = tab.context.request();
            String token = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(api.post(ui.baseUrl() + "/api/v1/auth/register",
                    RequestOptions.create().setData(Map.of("email", "batcher@example.com", "password", "a long enough password"))).text()).get("token").asText();
            var upload = api.post(ui.baseUrl() + "/api/v1/characters/upload", RequestOptions.create().setHeader("Authorization", "Bearer " + token)
                    .setMultipart(FormData.create().set("name", "Nano Banana")
                            .set("image", new FilePayload("nano.png", "image/png", TestImages.portrait(new Color(0xf2c94c))))));
            assertThat(upload.status()).as(upload.text()).isEqualTo(201);
            tab.open("#/signin");
            page.evaluate("t => localStorage.setItem('reelsmith.token', t)", token);

            // The nav leads to the batch page; paste three themes (and a blank line), one block each, local, $1.
            tab.open("#/videos");
            page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Batches")).click();
            page.waitForURL(Pattern.compile(".*#/batches$"));
            page.getByLabel("Themes").fill("A kite race on the beach\n\nA cake for grandma\nA lost cat in the city");
            page.getByLabel("Blocks", new Page.GetByLabelOptions().setExact(true)).fill("1");
            page.getByLabel("Provider").selectOption("local");
            page.getByLabel("Budget (US$)").fill("1");
            tab.shoot("batch-new");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the batch")).click();
            page.waitForURL(Pattern.compile(".*#/batches/[0-9a-f-]{36}$"));
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Batch of 3 videos")).waitFor();
            assertThat(page.locator(".batch-videos > li").count()).isEqualTo(3);
            WebUiTest.recordProgressTexts(page);

            // Progress is polled until every video is done; it was seen before the end too.
            page.locator(".progress-text[data-status=finished]").waitFor(new Locator.WaitForOptions().setTimeout(120_000));
            assertThat(page.locator(".progress-text").textContent()).isEqualTo("Finished: 3 done.");
            assertThat(WebUiTest.progressTextsSeen(page)).anyMatch(t -> t.matches("[0-2] of 3 finished.*"));
            assertThat(page.locator(".batch-videos > li[data-status=completed]").count()).isEqualTo(3);
            assertThat(page.locator(".batch-videos > li").first().textContent()).contains("1. A kite race on the beach");
            assertThat(page.locator(".batch-spend").textContent()).startsWith("$0.00 spent of a $1.00 budget");
            tab.shoot("batch-done");

            // Each video's final.mp4, and the ZIP of all three.
            Download mp4 = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download video 2 (MP4)")).click());
            assertThat(Files.size(mp4.path())).isGreaterThan(1000);
            assertThat(new String(Files.readAllBytes(mp4.path()), 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
            Download zip = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Download all finished videos (ZIP, 3)")).click());
            List<String> names = new ArrayList<>();
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip.path()))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) names.add(e.getName());
            }
            assertThat(names).containsExactly("01-a-kite-race-on-the-beach.mp4", "02-a-cake-for-grandma.mp4", "03-a-lost-cat-in-the-city.mp4");

            // The batch list shows it finished.
            page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Batches")).click();
            page.waitForURL(Pattern.compile(".*#/batches$"));
            Locator item = page.locator(".video-item").first();
            item.waitFor();
            assertThat(item.textContent()).contains("3 videos").contains("3 done").contains("Finished");
            assertThat(tab.consoleErrors).as("console errors").isEmpty();
        }
    }
}

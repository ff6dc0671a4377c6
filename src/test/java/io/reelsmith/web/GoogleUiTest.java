package io.reelsmith.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.Client;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import io.reelsmith.app.Provider;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.config.ReelsmithConfig;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.google.GoogleClients;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.pipeline.JobStages;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.service.Service;
import io.reelsmith.testkit.FastLocal;
import io.reelsmith.testkit.GoogleBill;
import io.reelsmith.testkit.GoogleEmulatorExtension;
import io.reelsmith.testkit.ServiceSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The google provider in a real browser: the real SDK against the Gemini emulator (Veo on Vertex AI, 180x320 clips),
 * the service in-process. A batch whose budget covers two of its three videos shows the two made, the third
 * "Skipped" for the budget and the spend within the budget (the API version: BatchBudgetTest); a video whose block 2
 * the emulator draws with a stranger shows block 2 re-made with its character match, and the final video plays
 * (the emulator version: DriftRetakeEmulatorTest). Each is cross-checked against the emulator's billable calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoogleUiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double WAIT_MS =
            150_000; // a pass never waits this long; a loaded machine (load 25) needed more than 60 s

    @TempDir
    static Path data;

    @TempDir
    static Path screenshots;

    GeminiEmulator emulator;
    GoogleConfig google;
    Client client;
    Service server;
    Browser browser = Browser.shared();
    String baseUrl;

    @BeforeAll
    void start() throws Exception {
        emulator = GeminiEmulator.start(GoogleEmulatorExtension.QUICK);
        google = ConfigLoader.fromEnvironment(GoogleEmulatorExtension.env(emulator))
                .google();
        client = GoogleClients.create(google);
        Function<String, Stages> local = FastLocal.providers();
        JobStages jobStages = (name, spend) ->
                !Provider.isPaid(name) ? local.apply(name) : GoogleBill.fastStages(google, spend, client);
        ReelsmithConfig config = ConfigLoader.load(
                null,
                Map.of(),
                ServiceSettings.of(
                        data,
                        "reelsmith.jobs.poll.seconds",
                        "5",
                        "reelsmith.jobs.max.attempts",
                        "1",
                        "reelsmith.jobs.workers",
                        "2",
                        "reelsmith.budget.user.usd",
                        "50",
                        "reelsmith.auth.address.signups",
                        "100000"));
        server = Service.start(config, local, jobStages, () -> google, true, true);
        baseUrl = WebService.baseUrl(server);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
        if (client != null) client.close();
        if (emulator != null) emulator.close();
    }

    @BeforeEach
    void clearLog() {
        emulator.log().clear();
    }

    BigDecimal oneVideo() {
        return GoogleBill.oneBlockVideo(google);
    }

    @Test
    void aGoogleBatchOverItsBudgetMakesTwoVideosAndShowsTheThirdSkippedForTheBudget() throws Exception {
        BigDecimal budget = oneVideo().multiply(BigDecimal.valueOf(2)).add(new BigDecimal("0.01"));
        try (Browser.Tab tab = browser.newTab(baseUrl, screenshots)) {
            Page page = tab.page;
            tab.uploadCharacter(tab.signIn("google-batch@example.com"), "Nano Banana", "a cute cartoon banana");
            BatchUiTest.fillBatchForm(
                    tab,
                    "A map in the attic\nA kite on the beach\nA cake for grandma",
                    "google",
                    budget.toPlainString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the batch"))
                    .click();
            page.waitForURL(Pattern.compile(".*#/batches/[0-9a-f-]{36}$"));
            PlaywrightAssertions.assertThat(
                            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Batch of 3 videos")))
                    .isVisible();

            // Polled until finished: two made, the third skipped for the budget before any call.
            Locator summary = page.locator(".progress-text");
            PlaywrightAssertions.assertThat(summary)
                    .hasAttribute(
                            "data-status", "finished", new LocatorAssertions.HasAttributeOptions().setTimeout(WAIT_MS));
            PlaywrightAssertions.assertThat(summary)
                    .hasText(Pattern.compile("^Finished: (2 done, 1 skipped|1 skipped, 2 done)\\.$"));
            Locator items = page.locator(".batch-videos > li");
            PlaywrightAssertions.assertThat(items).hasCount(3);
            for (int i = 0; i < 2; i++) {
                Locator made = items.nth(i);
                PlaywrightAssertions.assertThat(made).hasAttribute("data-status", "completed");
                PlaywrightAssertions.assertThat(made.getByRole(
                                AriaRole.LINK,
                                new Locator.GetByRoleOptions().setName("Download video " + (i + 1) + " (MP4)")))
                        .isVisible();
            }
            Locator skipped = items.nth(2);
            PlaywrightAssertions.assertThat(skipped).hasAttribute("data-status", "skipped");
            PlaywrightAssertions.assertThat(
                            skipped.locator(".badge, [class*=badge]").last())
                    .hasText("Skipped");
            PlaywrightAssertions.assertThat(skipped).containsText("3. A cake for grandma");
            PlaywrightAssertions.assertThat(skipped).containsText("batch budget has");
            PlaywrightAssertions.assertThat(skipped).containsText("nothing was spent");
            PlaywrightAssertions.assertThat(skipped.getByRole(AriaRole.LINK))
                    .hasCount(0); // nothing to open or download
            PlaywrightAssertions.assertThat(page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Download all finished videos (ZIP, 2)")))
                    .isVisible();

            // The spend shown: within the budget, and what Google would bill for the emulator's calls.
            String spendText = page.locator(".batch-spend").textContent();
            var m = Pattern.compile("^\\$(\\d+\\.\\d\\d) spent of a \\$(\\d+\\.\\d\\d) budget")
                    .matcher(spendText);
            assertThat(m.find()).as(spendText).isTrue();
            BigDecimal spent = new BigDecimal(m.group(1));
            assertThat(new BigDecimal(m.group(2))).isEqualByComparingTo(budget.setScale(2, RoundingMode.HALF_UP));
            assertThat(spent).isPositive().isLessThanOrEqualTo(budget);
            assertThat(spent).isEqualByComparingTo(emulatorBill().setScale(2, RoundingMode.HALF_UP));
            assertThat(spendText).endsWith("google");
            tab.shoot("google-batch-budget");

            // Exactly two videos' billable calls (a script, an 8 s clip, its drift check and the take's transcription
            // each);
            // none for theme 3.
            assertThat(billable("text")).isEqualTo(2);
            assertThat(billable("generate")).isEqualTo(2);
            assertThat(billable("extend")).isZero();
            assertThat(billable("vision")).isEqualTo(2);
            assertThat(billable("transcribe")).isEqualTo(2);
            assertThat(emulator.log().calls().stream()
                            .filter(CallLog.Call::billable)
                            .count())
                    .isEqualTo(8);
            assertThat(tab.consoleErrors).as("console errors").isEmpty();
        }
    }

    @Test
    void aDriftedBlockTwoIsShownReMadeAndTheFinalVideoPlays() throws Exception {
        try (Browser.Tab tab = browser.newTab(baseUrl, screenshots)) {
            Page page = tab.page;
            String token = tab.signIn("google-drift@example.com");
            String character = tab.uploadCharacter(token, "Nano Banana", "a cute cartoon banana");
            // Planned through the API (the script is a Gemini call); started on its page like a user.
            var planned = tab.context
                    .request()
                    .post(
                            baseUrl + "/api/v1/videos",
                            RequestOptions.create()
                                    .setHeader("Authorization", "Bearer " + token)
                                    .setHeader("Content-Type", "application/json")
                                    .setData(Map.of(
                                            "theme",
                                            "a treasure hunt in the park",
                                            "characterId",
                                            character,
                                            "blocks",
                                            2,
                                            "provider",
                                            "google")));
            assertThat(planned.status()).as(planned.text()).isEqualTo(201);
            String video = JSON.readTree(planned.text()).get("id").asText();
            emulator.log().clear();
            emulator.driftVideoCall(2); // block 1 is the first generation, block 2's first take the second: a stranger

            tab.open("#/videos/" + video);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start making the video"))
                    .click();
            PlaywrightAssertions.assertThat(page.locator(".video-head [data-status=completed]"))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(WAIT_MS));

            // Block 2 says it was re-made and shows the kept take's match; block 1 was not re-made.
            Locator two = page.locator(".block-card[data-block='2'] .drift");
            PlaywrightAssertions.assertThat(two)
                    .hasText("Character match 92% (re-made once: the character had drifted; the better take is kept)");
            PlaywrightAssertions.assertThat(two).hasAttribute("data-drift", "0.92");
            PlaywrightAssertions.assertThat(page.locator(".block-card[data-block='1'] .drift"))
                    .hasText("Character match 92%");
            PlaywrightAssertions.assertThat(page.locator(".block-card")).hasCount(2);

            // The final video loads and has a duration (decoded by the browser from its src).
            Locator player = page.locator("video.player");
            PlaywrightAssertions.assertThat(player).hasAttribute("src", Pattern.compile("final\\.mp4"));
            page.waitForFunction(
                    "() => { const v = document.querySelector('video.player'); return v && v.readyState >= 1 && v.duration > 0; }");
            double duration =
                    ((Number) page.evaluate("() => document.querySelector('video.player').duration")).doubleValue();
            assertThat(duration).isGreaterThan(10.0); // two blocks of about 8 s
            var mp4 = tab.context
                    .request()
                    .get(
                            player.getAttribute("src").startsWith("http")
                                    ? player.getAttribute("src")
                                    : baseUrl + "/" + player.getAttribute("src").replaceFirst("^/", ""));
            assertThat(mp4.status()).isEqualTo(200);
            assertThat(new String(mp4.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
            tab.shoot("google-drift-retake", page.locator("#blocks-heading"));

            // The emulator's bill: one generation (block 1), two extends for block 2 (the drifted one and its retake),
            // a
            // vision call per take looked at; exactly one extra generation for the drifted block.
            assertThat(billable("generate")).isEqualTo(1);
            List<CallLog.Call> extend = emulator.log().calls().stream()
                    .filter(c -> c.kind().equals("extend") && c.billable())
                    .toList();
            assertThat(extend).hasSize(2);
            assertThat(extend).filteredOn(c -> "drifted".equals(c.detail())).hasSize(1);
            assertThat(billable("vision")).isEqualTo(3);
            assertThat(billable("text")).isZero(); // the script was paid when planning, before the log was cleared
            assertThat(tab.consoleErrors).as("console errors").isEmpty();
        }
    }

    /**
     * A parallel video's storyboard in the browser before the video is paid for: planned on the new-video page with
     * plan "parallel", both plans shown side by side, the keyframes drawn and shown, one redrawn, the price of the video
     * still to come shown; the emulator saw image calls only (one per keyframe, one for the redraw), no video call.
     */
    @Test
    void aParallelVideosStoryboardIsShownAndAKeyframeRedrawnBeforeAnyVideoIsPaidFor() throws Exception {
        try (Browser.Tab tab = browser.newTab(baseUrl)) {
            Page page = tab.page;
            tab.uploadCharacter(tab.signIn("google-storyboard@example.com"), "Nano Banana", "a cute cartoon banana");
            tab.open("#/new");
            page.getByLabel("Theme").fill("A treasure map in the attic");
            page.getByLabel("Blocks", new Page.GetByLabelOptions().setExact(true))
                    .fill("2");
            page.getByLabel("Provider").selectOption("google");
            page.getByLabel("Plan").selectOption("parallel");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plan the script"))
                    .click();
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Planned script"))
                    .waitFor();
            emulator.log().clear(); // the script's call: what follows must be images only

            // Both plans side by side, the parallel one chosen.
            PlaywrightAssertions.assertThat(
                            page.locator(".plans tr[data-plan=continuous] td").nth(3))
                    .hasText("2 L");
            PlaywrightAssertions.assertThat(page.locator(".plans tr[data-plan=parallel] th"))
                    .hasText("parallel (chosen)");
            PlaywrightAssertions.assertThat(
                            page.locator(".plans tr[data-plan=parallel] td").nth(3))
                    .hasText("1 L + 2 image calls");

            BigDecimal clip = google.prices()
                    .videoPerSecond()
                    .multiply(BigDecimal.valueOf(8))
                    .add(google.prices().perDriftCheck());
            String videoPrice = "$"
                    + clip.multiply(BigDecimal.valueOf(2))
                            .setScale(2, RoundingMode.UP)
                            .toPlainString();
            Locator storyboard = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Storyboard"));
            PlaywrightAssertions.assertThat(storyboard.locator(".video-price")).hasText(videoPrice);
            storyboard
                    .getByRole(
                            AriaRole.BUTTON,
                            new Locator.GetByRoleOptions()
                                    .setName(Pattern.compile("^Draw the storyboard \\(3 pictures, \\$0\\.21\\)$")))
                    .click();
            Locator frames = storyboard.locator(".keyframe img");
            PlaywrightAssertions.assertThat(frames)
                    .hasCount(3, new LocatorAssertions.HasCountOptions().setTimeout(WAIT_MS));
            for (int i = 0; i < 3; i++) {
                Locator img = frames.nth(i);
                page.waitForFunction("img => img.complete && img.naturalWidth > 0", img.elementHandle());
            }
            String before = frames.nth(1).getAttribute("src");
            storyboard
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Redraw keyframe 2"))
                    .click();
            PlaywrightAssertions.assertThat(frames.nth(1))
                    .not()
                    .hasAttribute("src", before, new LocatorAssertions.HasAttributeOptions().setTimeout(WAIT_MS));
            page.waitForFunction(
                    "img => img.complete && img.naturalWidth > 0", frames.nth(1).elementHandle());
            PlaywrightAssertions.assertThat(storyboard.locator(".video-price"))
                    .hasText(videoPrice); // the price of the rest, still to pay
            String spent = "$"
                    + google.prices()
                            .perImage()
                            .multiply(BigDecimal.valueOf(4))
                            .setScale(2, RoundingMode.UP)
                            .toPlainString();
            PlaywrightAssertions.assertThat(storyboard.locator(".keyframes-spent"))
                    .hasText(spent);
            tab.shoot("google-storyboard", page.locator("#storyboard-heading"));

            assertThat(billable("image")).as("3 keyframes and 1 redraw").isEqualTo(4);
            assertThat(emulator.log().calls().stream()
                            .filter(CallLog.Call::billable)
                            .map(CallLog.Call::kind))
                    .as("no video paid for")
                    .containsOnly("image");
            assertThat(tab.consoleErrors).as("console errors").isEmpty();
        }
    }

    private long billable(String kind) {
        return GoogleEmulatorExtension.billable(emulator, kind);
    }

    private BigDecimal emulatorBill() {
        return GoogleBill.of(emulator.log(), google);
    }
}

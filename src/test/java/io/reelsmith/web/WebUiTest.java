package io.reelsmith.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.RequestOptions;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web UI in a real browser against a real server (in-process, free port, temporary data directory):
 * a creator signs up, uploads a character, plans a 2-block local video, edits a line, starts it, follows
 * the live progress to the end, plays the result and downloads the subtitles; then a second user is kept
 * out of that video. Screenshots of every page land in docs/screenshots at 390x844 and 1280x800.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiTest {
    static final String EDITED_LINE = "Reelsmith keeps every edited word of this line";

    @RegisterExtension
    static final WebService ui = new WebService(LocalWithOutage.providers(), Map.of());

    String videoId; // made by the creator, looked for by the second user

    @Test
    @Order(1)
    void creatorMakesAVideoFromThemeToPlayer() throws Exception {
        try (Browser.Tab tab = ui.newTab()) {
            Page page = tab.page;

            // Sign up, with the keyboard only.
            openSignIn(tab, ""); // a visitor with no session lands on sign-in
            tab.shoot("sign-in");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account"))
                    .click();
            page.waitForURL(Pattern.compile(".*#/signup$"));
            tab.shoot("sign-up");
            page.getByLabel("Email").focus();
            page.keyboard().type("creator@example.com");
            page.keyboard().press("Tab");
            page.keyboard().type("a long enough password");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*#/characters$"));

            // Upload a character and see it in the library with its image.
            Locator upload = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Upload a picture"));
            upload.getByLabel("Name").fill("Nano Banana");
            upload.getByLabel("Description").fill("A cheerful banana with sunglasses");
            upload.getByLabel("Image")
                    .setInputFiles(new FilePayload("nano.png", "image/png", TestImages.portrait(new Color(0xf2c94c))));
            upload.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload character"))
                    .click();
            Locator card = page.locator(".character-card", new Page.LocatorOptions().setHasText("Nano Banana"));
            assertThat(card).isVisible();
            page.waitForFunction(
                    "() => { const i = document.querySelector('.character-card img'); return i && i.complete && i.naturalWidth > 0; }");
            assertThat(card.getByRole(AriaRole.IMG)).hasAttribute("alt", "Portrait of Nano Banana");
            tab.shoot("characters");

            // Plan a 2-block local video for that character.
            card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("New video"))
                    .click();
            page.waitForURL(Pattern.compile(".*#/new\\?character=.*"));
            page.getByLabel("Theme").fill("A banana finds a treasure map in an old library");
            assertThat(page.getByLabel("Character").inputValue()).isNotEmpty();
            page.getByLabel("Language").selectOption("en");
            page.getByLabel("Blocks", new Page.GetByLabelOptions().setExact(true))
                    .fill("2");
            page.getByLabel("Provider").selectOption("local");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plan the script"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Planned script")))
                    .isVisible();
            assertThat(page.locator("fieldset.block-editor")).hasCount(2);
            assertThat(page.locator(".price .estimate")).hasText("Free");
            assertThat(page.locator(".price .plan")).hasCount(0); // the local animatic films no chains
            assertThat(page.locator(".price .budget"))
                    .hasText("$50.00 left of $50.00"); // filled from GET /api/v1/spend
            assertThat(page.getByLabel("Visual").first().inputValue()).isNotBlank();

            // Edit the first line, then start: the page moves to the video and follows it live.
            Locator firstLine = page.getByLabel("Line 1, block 1", new Page.GetByLabelOptions().setExact(true));
            assertThat(firstLine.inputValue()).isNotBlank().isNotEqualTo(EDITED_LINE);
            firstLine.fill(EDITED_LINE);
            tab.shoot("new-video", page.locator("#draft-heading"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start making the video"))
                    .click();
            page.waitForURL(Pattern.compile(".*#/videos/[0-9a-f-]{36}$"));
            videoId = page.url().replaceAll(".*#/videos/", "");
            Locator progress = page.locator(".progress-text");
            assertThat(progress).hasAttribute("aria-live", "polite");
            recordProgressTexts(page);
            // A keyboard user on Cancel stays there while the live updates redraw the page (queued → running).
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel"))
                    .focus();
            // Mid-run for the screenshot if the browser sees it in time; a busy machine may only show the end.
            page.waitForFunction(
                    "() => window.progressTexts.some(t => /now making|^Done/.test(t))",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(120_000).setPollingInterval(100));
            assertThat(page.evaluate("() => document.activeElement.textContent"))
                    .isEqualTo("Cancel");
            tab.shoot("video-progress");

            // Live progress reaches the end without reloading the page.
            Locator completed = page.locator(".video-head [data-status=completed]");
            assertThat(completed).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(150_000));
            assertThat(progress).hasText(Pattern.compile("^Done: all 6 steps finished"));
            assertThat(page.locator(".steps [data-step]")).hasCount(6);
            assertThat(page.locator(".block-card").first()).containsText(EDITED_LINE);
            // Steps were seen finishing one by one (server-sent events), not only the end state.
            assertThat(progressTextsSeen(page)).anyMatch(t -> t.matches("[1-5] of 6 steps done.*"));

            // The player plays the final video: its duration comes from the decoded file.
            assertThat(page.locator("video.player")).isVisible();
            page.waitForFunction(
                    "() => { const v = document.querySelector('video.player'); return v.readyState >= 1 && v.duration > 0; }",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(20_000));
            double duration =
                    ((Number) page.evaluate("() => document.querySelector('video.player').duration")).doubleValue();
            assertThat(duration).isGreaterThan(0.0);
            // For the screenshot: a frame a little into the video, with its burnt-in karaoke caption.
            page.evaluate(
                    "async () => { const v = document.querySelector('video.player'); v.muted = true; await v.play(); v.pause();"
                            + " await new Promise(done => { v.addEventListener('seeked', done, {once: true}); v.currentTime = 1.2; }); }");
            page.waitForFunction("() => document.querySelector('video.player').readyState >= 3");
            tab.shoot("video-done", page.locator("#result-heading"));
            assertThat(page.locator(".transcript")).containsText(EDITED_LINE);

            // The subtitles download has the edited line (captions may wrap it over several cues).
            Download srt = page.waitForDownload(
                    () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Subtitles (SRT)"))
                            .click());
            assertThat(srt.suggestedFilename()).isEqualTo("subtitles.srt");
            String subtitles = Files.readString(srt.path(), StandardCharsets.UTF_8);
            assertThat(spokenText(subtitles)).contains(normalise(EDITED_LINE));
            for (String file : new String[] {"Video (MP4)", "Karaoke subtitles (ASS)", "Subtitles (WebVTT)"}) {
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(file)))
                        .hasAttribute("href", Pattern.compile("^/api/v1/videos/" + videoId + "/files/"));
            }

            // Regenerate the last block: the old result goes away, the steps from block 2 on run again, a new one
            // comes.
            page.evaluate("() => { window.progressTexts = []; }");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Regenerate from block 2"))
                    .click();
            assertThat(completed).hasCount(0);
            assertThat(page.locator(".step[data-step='block-1'] .badge")).hasText("Done");
            assertThat(completed).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
            page.waitForFunction(
                    "() => { const v = document.querySelector('video.player'); return v && v.readyState >= 1 && v.duration > 0; }");
            assertThat(progressTextsSeen(page))
                    .anyMatch(t ->
                            t.matches("[2-5] of 6 steps done; now making: (Block 2 clip|Subtitles|Final render)\\."));

            // The list shows the video as done.
            page.getByRole(AriaRole.NAVIGATION)
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Videos"))
                    .click();
            page.waitForURL(Pattern.compile(".*#/videos$"));
            Locator item = page.locator(".video-item", new Page.LocatorOptions().setHasText("treasure map"));
            assertThat(item.locator(".badge")).hasText("Done");
            tab.shoot("videos");

            assertThat(tab.consoleErrors).as("console errors").isEmpty();
        }
    }

    @Test
    @Order(2)
    void secondUserCannotSeeTheFirstUsersVideo() throws Exception {
        assertThat(videoId).as("the first test must have made a video").isNotNull();
        try (Browser.Tab tab = ui.newTab()) {
            Page page = tab.page;
            submitAccountForm(
                    tab,
                    "#/signup",
                    "Create account",
                    "someone.else@example.com",
                    "another long password",
                    "#/characters");

            tab.open("#/videos/" + videoId);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Video not found")))
                    .isVisible();
            assertThat(page.locator("video")).hasCount(0);
            assertThat(page.content()).doesNotContain(EDITED_LINE).doesNotContain("treasure map");
            tab.shoot("video-not-found");

            // Not through the API either, with this user's own token.
            String token = (String) page.evaluate("() => localStorage.getItem('reelsmith.token')");
            var api = tab.context.request();
            var auth = RequestOptions.create().setHeader("Authorization", "Bearer " + token);
            assertThat(api.get(ui.baseUrl() + "/api/v1/videos/" + videoId, auth).status())
                    .isEqualTo(404);
            assertThat(api.get(ui.baseUrl() + "/api/v1/videos/" + videoId + "/files/subtitles.srt", auth)
                            .status())
                    .isEqualTo(404);
            assertThat(api.get(ui.baseUrl() + "/api/v1/videos", auth).text()).contains("\"total\":0");

            tab.open("#/videos");
            assertThat(page.getByText("No videos yet.")).isVisible();

            // The only console errors are the browser's own notes of the refused (404) request.
            assertThat(tab.consoleErrors).as("console errors").allMatch(e -> e.contains("status of 404"));
            tab.consoleErrors.clear();

            // This user's own library: create a character by description, then delete it.
            page.getByRole(AriaRole.NAVIGATION)
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Characters"))
                    .click();
            Locator describe = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Describe it"));
            describe.getByLabel("Name").fill("Robo");
            describe.getByLabel("Description").fill("A small tin robot with a red scarf");
            describe.getByLabel("Style").fill("pixel art");
            describe.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create character"))
                    .click();
            Locator robo = page.locator(".character-card", new Page.LocatorOptions().setHasText("Robo"));
            assertThat(robo).containsText("pixel art");
            assertThat(robo).containsText("generated");
            robo.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete Robo"))
                    .click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, delete Robo"))
                    .click();
            assertThat(page.getByText("No characters yet.")).isVisible();
            assertThat(page.locator(".character-card")).hasCount(0);
            assertThat(tab.consoleErrors).as("console errors").isEmpty();
        }
    }

    @Test
    @Order(3)
    void aFailedBlockShowsItsReasonAndRetryFinishesTheVideo() throws Exception {
        try (Browser.Tab tab = ui.newTab()) {
            Page page = tab.page;
            submitAccountForm(tab, "#/signin", "Sign in", "creator@example.com", "a long enough password", "#/videos");

            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("New video").setExact(true))
                    .first()
                    .click();
            page.getByLabel("Theme").fill("A stormy night at the lighthouse");
            page.getByLabel("Blocks", new Page.GetByLabelOptions().setExact(true))
                    .fill("1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plan the script"))
                    .click();
            page.getByLabel("Line 1, block 1", new Page.GetByLabelOptions().setExact(true))
                    .fill("Here comes the " + LocalWithOutage.FAIL_ONCE);
            // Lines can be added and removed too; the added one (typed where the focus lands) is kept.
            int lines = page.locator(".dialogue-line").count();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a line to block 1"))
                    .click();
            page.keyboard().type("The keepers wave goodbye");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a line to block 1"))
                    .click();
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Remove line " + (lines + 2) + " of block 1"))
                    .click();
            assertThat(page.locator(".dialogue-line")).hasCount(lines + 1);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start making the video"))
                    .click();
            page.waitForURL(Pattern.compile(".*#/videos/[0-9a-f-]{36}$"));

            // The failure is shown with its reason, on the page and on the block, with the ways out.
            assertThat(page.locator(".video-head [data-status=failed]"))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            assertThat(page.getByRole(AriaRole.ALERT).first()).containsText(LocalWithOutage.OUTAGE);
            assertThat(page.locator(".block-card[data-block='1'] .step-error")).containsText(LocalWithOutage.OUTAGE);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Regenerate from block 1")))
                    .isVisible();
            tab.shoot("video-failed");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retry from where it stopped"))
                    .click();
            assertThat(page.locator(".video-head [data-status=completed]"))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            page.waitForFunction(
                    "() => { const v = document.querySelector('video.player'); return v && v.readyState >= 1 && v.duration > 0; }");
            assertThat(page.locator(".step-error")).hasCount(0);
            assertThat(page.locator(".block-card[data-block='1'] .lines li")).hasCount(lines + 1);
            assertThat(page.locator(".block-card[data-block='1']")).containsText("The keepers wave goodbye");

            // Deleting it takes it off the list.
            assertThat(tab.consoleErrors).as("console errors").isEmpty();
            String deleted = page.url().replaceAll(".*#/videos/", "");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete video"))
                    .click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, delete this video and its files"))
                    .click();
            page.waitForURL(Pattern.compile(".*#/videos$"));
            assertThat(page.locator(".video-list")).containsText("treasure map");
            assertThat(page.locator(".video-list")).not().containsText("stormy night");
            // The player may still be reading the file when it goes: the browser then notes the refused (404) read.
            assertThat(tab.consoleErrors)
                    .as("console errors")
                    .allMatch(e -> e.contains("status of 404") && e.contains("/videos/" + deleted + "/files/"));
        }
    }

    @Test
    @Order(4)
    void pricesAndBudgetsAreWorded() {
        try (Browser.Tab tab = ui.newTab()) {
            tab.open("#/signin");
            // format.js is a plain module: import it in the page and ask it directly.
            String js = "async ([estimate, video]) => { const f = await import('/js/format.js');"
                    + " return [f.estimateText(estimate), f.budgetText(video)]; }";
            assertThat(tab.page.evaluate(js, List.of(Map.of("provider", "local", "usd", 0), Map.of())))
                    .isEqualTo(List.of("Free", "Not reported by this server"));
            // budgetText reads GET /api/v1/spend's answer.
            assertThat(tab.page.evaluate(
                            js,
                            List.of(
                                    Map.of("provider", "google", "usd", "3.2"),
                                    Map.of("budgetUsd", 10, "spentUsd", 2.5, "reservedUsd", 0, "remainingUsd", 7.5))))
                    .isEqualTo(List.of("$3.20", "$7.50 left of $10.00"));
            var unlimited = new HashMap<String, Object>();
            unlimited.put("budgetUsd", null);
            unlimited.put("remainingUsd", null);
            assertThat(tab.page.evaluate(js, List.of(Map.of("provider", "google"), unlimited)))
                    .isEqualTo(List.of("Not known for google", "No limit"));
            // the draft's "Takes" line: how the google video model films it (the estimate's plan), none for local
            String plan = "async (estimate) => (await import('/js/format.js')).planText(estimate)";
            assertThat(tab.page.evaluate(
                            plan,
                            Map.of(
                                    "provider",
                                    "google",
                                    "usd",
                                    9.9,
                                    "plan",
                                    Map.of("chains", 3, "restarts", 2, "billedSeconds", 85))))
                    .isEqualTo("3 chains, 2 restarts from a last frame, 85 s billed");
            assertThat(tab.page.evaluate(plan, Map.of("provider", "local", "usd", 0)))
                    .isNull();
            // A 402 from start/retry/regenerate, in plain words.
            Object refusal = tab.page.evaluate(
                    "async () => { const f = await import('/js/format.js'); const a = await import('/js/api.js');"
                            + " return f.budgetRefusal(new a.ApiError(402, 'budget_exceeded', 'over', {error: 'budget_exceeded', estimateUsd: 3.2, remainingUsd: 1.97})); }");
            assertThat(refusal)
                    .isEqualTo(
                            "Not started: this would cost about $3.20, and only $1.97 of your budget is left. Nothing was charged. "
                                    + "Ask an administrator for a larger budget, or make fewer blocks.");
            assertThat(tab.consoleErrors).isEmpty();
        }
    }

    @Test
    @Order(5)
    void everyPageRunsUnderTheStrictCspAndTheSessionRenewsAndEnds() throws Exception {
        try (Browser.Tab tab = ui.newTab()) {
            Page page = tab.page;
            openSignIn(tab, "#/signin");
            var policy = page.request().get(ui.baseUrl() + "/").headers().get("content-security-policy");
            assertThat(policy)
                    .contains("script-src 'self'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
            submitAccountForm(
                    tab,
                    "#/signup",
                    "Create account",
                    "csp.reader@example.com",
                    "pages under a strict policy",
                    "#/characters");
            String missing = UUID.randomUUID().toString();
            for (String[] p : new String[][] {
                {"#/characters", "Characters"},
                {"#/new", "New video"},
                {"#/videos", "Your videos"},
                {"#/batches", "Batches"},
                {"#/videos/" + missing, "Video not found"},
                {"#/batches/" + missing, "Something went wrong|Batch.*"}
            }) {
                tab.open(p[0]);
                page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions().setName(Pattern.compile("^(" + p[1] + ")$")))
                        .first()
                        .waitFor();
            }
            tab.open("#/videos"); // leaves the batch page, which stops asking for the missing batch
            page.getByText("No videos yet.").waitFor();
            assertThat(tab.consoleErrors)
                    .as("console errors")
                    .allMatch(e -> e.contains("status of 404"))
                    .noneMatch(e -> e.contains("CSP"));
            tab.consoleErrors.clear();

            // An access token about to end is renewed before the next request: a new refresh token, the page still
            // loads.
            String refresh = (String) page.evaluate("() => localStorage.getItem('reelsmith.refresh')");
            assertThat(refresh).isNotBlank();
            page.evaluate("() => localStorage.setItem('reelsmith.expires', String(Date.now()))");
            tab.open("#/characters");
            page.getByText("No characters yet.").waitFor();
            page.waitForFunction("old => localStorage.getItem('reelsmith.refresh') !== old", refresh);

            // Signing out ends the session on the server: the token it had is refused from then on.
            String token = (String) page.evaluate("() => localStorage.getItem('reelsmith.token')");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();
            page.waitForURL(Pattern.compile(".*#/signin$"));
            var auth = RequestOptions.create().setHeader("Authorization", "Bearer " + token);
            assertThat(tab.context
                            .request()
                            .get(ui.baseUrl() + "/api/v1/videos", auth)
                            .status())
                    .isEqualTo(401);
            assertThat(tab.consoleErrors).as("console errors").isEmpty();
        }
    }

    /** Opens {@code route} and checks it shows the sign-in page. */
    static void openSignIn(Browser.Tab tab, String route) {
        tab.open(route);
        tab.page.waitForURL(Pattern.compile(".*#/signin$"));
        assertThat(tab.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in")))
                .isVisible();
    }

    /** Opens the sign-in or sign-up page, fills it in, submits it with {@code button} and waits for the {@code landing} page. */
    static void submitAccountForm(
            Browser.Tab tab, String route, String button, String email, String password, String landing) {
        tab.open(route);
        tab.page.getByLabel("Email").fill(email);
        tab.page.getByLabel("Password").fill(password);
        tab.page
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                .click();
        tab.page.waitForURL(Pattern.compile(".*" + Pattern.quote(landing) + "$"));
    }

    /** Keeps every text the progress summary shows, from now on, in window.progressTexts. */
    static void recordProgressTexts(Page page) {
        page.evaluate(
                "() => { const el = document.querySelector('.progress-text'); window.progressTexts = [el.textContent];"
                        + " new MutationObserver(() => window.progressTexts.push(el.textContent))"
                        + ".observe(el, {childList: true, characterData: true, subtree: true}); }");
    }

    @SuppressWarnings("unchecked")
    static List<String> progressTextsSeen(Page page) {
        return (List<String>) page.evaluate("() => window.progressTexts");
    }

    /** The words of an SRT file, without cue numbers and times, lower case, punctuation dropped. */
    static String spokenText(String srt) {
        StringBuilder words = new StringBuilder();
        for (String line : srt.split("\\R")) {
            if (line.isBlank() || line.strip().matches("\\d+") || line.contains("-->")) continue;
            words.append(' ').append(line);
        }
        return normalise(words.toString());
    }

    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}

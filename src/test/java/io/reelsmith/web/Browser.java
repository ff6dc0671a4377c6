package io.reelsmith.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium driven by Playwright, headless. Playwright's own browser download does not work here, so
 * it is switched off and /usr/bin/chromium is used; a missing chromium fails the tests with how to install it.
 * Pages record console errors and uncaught exceptions, and take screenshots at phone and desktop sizes.
 *
 * <p>One browser serves every web test of the JVM ({@link #shared()}): starting Playwright's driver and chromium
 * takes seconds, while each {@link Tab} has a fresh context (its own storage, so its own session).
 */
final class Browser {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("REELSMITH_CHROMIUM", "/usr/bin/chromium"));
    static final Path DOC_SCREENSHOTS = Path.of("docs", "screenshots");
    static final String PASSWORD = "a long enough password";
    static final int[][] SIZES = {{390, 844}, {1280, 800}};
    static final double TIMEOUT_MS = 45_000; // a pass never waits this long
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Browser shared;

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    /** The JVM's browser, started on first use and closed when the JVM exits. */
    static synchronized Browser shared() {
        if (shared == null) {
            // web-first assertions wait as long as the pages' own waits: generous, the machine is shared
            PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
            shared = new Browser();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    private Browser() {
        assertThat(Files.isExecutable(CHROMIUM))
                .as(
                        "chromium is needed for the web UI tests but %s is missing: install it with "
                                + "'apt-get install chromium' (./reelsmith test does), or set REELSMITH_CHROMIUM",
                        CHROMIUM)
                .isTrue();
        this.playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    /** A fresh profile (its own storage, so its own session) with one page; screenshots go to docs/screenshots. */
    Tab newTab(String baseUrl) {
        return newTab(baseUrl, DOC_SCREENSHOTS);
    }

    /** The same, with its screenshots in {@code screenshots} (pages that are not the documented ones). */
    Tab newTab(String baseUrl, Path screenshots) {
        BrowserContext context = browser.newContext(
                new NewContextOptions().setViewportSize(1280, 800).setAcceptDownloads(true));
        return new Tab(context, context.newPage(), baseUrl, screenshots);
    }

    private void close() {
        browser.close();
        playwright.close();
    }

    final class Tab implements AutoCloseable {
        final BrowserContext context;
        final Page page;
        final String baseUrl;
        final List<String> consoleErrors = new ArrayList<>();
        private final Path screenshots;

        Tab(BrowserContext context, Page page, String baseUrl, Path screenshots) {
            this.context = context;
            this.page = page;
            this.baseUrl = baseUrl;
            this.screenshots = screenshots;
            page.setDefaultTimeout(TIMEOUT_MS);
            page.onConsoleMessage(m -> {
                if (m.type().equals("error")) consoleErrors.add(m.text() + " (" + m.location() + ")");
            });
            page.onPageError(e -> consoleErrors.add("uncaught: " + e));
            // Chromium logs a refused resource; this also reports what the page's own code was refused (the UI runs
            // under a strict CSP).
            page.addInitScript(
                    "document.addEventListener('securitypolicyviolation', e => console.error("
                            + "'CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber))");
        }

        void open(String hash) {
            page.navigate(baseUrl + "/" + hash);
        }

        /** Registers {@code email} through the API and signs this tab in with its token (the sign-up form is WebUiTest's). */
        String signIn(String email) throws IOException {
            var r = context.request()
                    .post(
                            baseUrl + "/api/v1/auth/register",
                            RequestOptions.create().setData(Map.of("email", email, "password", PASSWORD)));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            var session = JSON.readTree(r.text());
            open("#/signin");
            // what the page keeps after a sign-up (js/api.js): the access token, and when it is given, its renewal
            page.evaluate(
                    "s => { localStorage.setItem('reelsmith.token', s.token);"
                            + " if (s.refreshToken) localStorage.setItem('reelsmith.refresh', s.refreshToken);"
                            + " if (s.expiresIn) localStorage.setItem('reelsmith.expires', String(Date.now() + s.expiresIn * 1000)); }",
                    JSON.convertValue(session, Map.class));
            return session.get("token").asText();
        }

        /** Uploads a drawn portrait as a character of the account of {@code token}; returns its id. */
        String uploadCharacter(String token, String name, String description) throws IOException {
            var r = context.request()
                    .post(
                            baseUrl + "/api/v1/characters/upload",
                            RequestOptions.create()
                                    .setHeader("Authorization", "Bearer " + token)
                                    .setMultipart(FormData.create()
                                            .set("name", name)
                                            .set("description", description)
                                            .set(
                                                    "image",
                                                    new FilePayload(
                                                            "portrait.png",
                                                            "image/png",
                                                            TestImages.portrait(new Color(0xf2c94c))))));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            return JSON.readTree(r.text()).get("id").asText();
        }

        /** Screenshots of the screen as a user sees it, at each size, named like videos-390x844.png (top of the page). */
        void shoot(String name) throws IOException {
            shoot(name, null);
        }

        /** The same, scrolled so that {@code anchor} is at the top of the screen. */
        void shoot(String name, Locator anchor) throws IOException {
            assertThat(unlabelledControls())
                    .as("form controls without a label on " + name)
                    .isEmpty();
            assertThat(accessibilityViolations())
                    .as("axe-core WCAG 2 A/AA violations on " + name)
                    .isEmpty();
            Files.createDirectories(screenshots);
            var before = page.viewportSize();
            for (int[] size : SIZES) {
                page.setViewportSize(size[0], size[1]);
                if (anchor == null) page.evaluate("() => window.scrollTo(0, 0)");
                else anchor.evaluate("e => e.scrollIntoView({block: 'start'})");
                // two animation frames: the layout at the new width has been computed and painted
                page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
                Number overflow =
                        (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                assertThat(overflow.intValue())
                        .as("%s scrolls sideways at %d px wide", name, size[0])
                        .isLessThanOrEqualTo(0);
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(screenshots.resolve(name + "-" + size[0] + "x" + size[1] + ".png")));
            }
            page.setViewportSize(before.width, before.height);
        }

        /** What axe-core finds against WCAG 2.x A and AA on the page as it is now: "rule: target (help)". */
        List<String> accessibilityViolations() {
            var results = new AxeBuilder(page)
                    .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                    .analyze();
            List<String> found = new ArrayList<>();
            for (var v : results.getViolations()) {
                for (var node : v.getNodes()) found.add(v.getId() + ": " + node.getTarget() + " (" + v.getHelp() + ")");
            }
            return found;
        }

        /** Form controls that a screen reader could not name (no <label>, no aria-label). */
        @SuppressWarnings("unchecked")
        List<String> unlabelledControls() {
            return (List<String>) page.evaluate("() => [...document.querySelectorAll('input, select, textarea')]"
                    + ".filter(c => c.type !== 'hidden' && c.labels.length === 0 && !c.getAttribute('aria-label'))"
                    + ".map(c => c.outerHTML)");
        }

        @Override
        public void close() {
            context.close();
        }
    }
}

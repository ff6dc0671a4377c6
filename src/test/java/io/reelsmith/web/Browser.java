package io.reelsmith.web;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's chromium driven by Playwright, headless. Playwright's own browser download does not work here, so
 * it is switched off and /usr/bin/chromium is used; a missing chromium fails the tests with how to install it.
 * Pages record console errors and uncaught exceptions, and take screenshots at phone and desktop sizes.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("REELSMITH_CHROMIUM", "/usr/bin/chromium"));
    static final int[][] SIZES = {{390, 844}, {1280, 800}};

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final Path screenshots;

    Browser(Path screenshots) {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("chromium is needed for the web UI tests but %s is missing: install it with "
                        + "'apt-get install chromium' (./reelsmith test does), or set REELSMITH_CHROMIUM", CHROMIUM)
                .isTrue();
        this.screenshots = screenshots;
        this.playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run")));
    }

    /** A fresh profile (its own storage, so its own session) with one page. */
    Tab newTab(String baseUrl) {
        BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1280, 800).setAcceptDownloads(true));
        return new Tab(context, context.newPage(), baseUrl);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    final class Tab implements AutoCloseable {
        final BrowserContext context;
        final Page page;
        final String baseUrl;
        final List<String> consoleErrors = new ArrayList<>();

        Tab(BrowserContext context, Page page, String baseUrl) {
            this.context = context;
            this.page = page;
            this.baseUrl = baseUrl;
            page.setDefaultTimeout(45_000); // generous: the machine is shared, and a pass never waits this long
            page.onConsoleMessage(m -> {
                if (m.type().equals("error")) consoleErrors.add(m.text() + " (" + m.location() + ")");
            });
            page.onPageError(e -> consoleErrors.add("uncaught: " + e));
            // Chromium logs a refused resource; this also reports what the page's own code was refused (the UI runs under a strict CSP).
            page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                    + "'CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber))");
        }

        void open(String hash) {
            page.navigate(baseUrl + "/" + hash);
        }

        /** Screenshots of the screen as a user sees it, at each size, named like videos-390x844.png (top of the page). */
        void shoot(String name) throws java.io.IOException {
            shoot(name, null);
        }

        /** The same, scrolled so that {@code anchor} is at the top of the screen. */
        void shoot(String name, Locator anchor) throws java.io.IOException {
            assertThat(unlabelledControls()).as("form controls without a label on " + name).isEmpty();
            assertThat(accessibilityViolations()).as("axe-core WCAG 2 A/AA violations on " + name).isEmpty();
            Files.createDirectories(screenshots);
            var before = page.viewportSize();
            for (int[] size : SIZES) {
                page.setViewportSize(size[0], size[1]);
                if (anchor == null) page.evaluate("() => window.scrollTo(0, 0)");
                else anchor.evaluate("e => e.scrollIntoView({block: 'start'})");
                page.waitForTimeout(150); // let the layout settle at the new width
                Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                assertThat(overflow.intValue()).as("%s scrolls sideways at %d px wide", name, size[0]).isLessThanOrEqualTo(0);
                page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + "-" + size[0] + "x" + size[1] + ".png")));
            }
            page.setViewportSize(before.width, before.height);
        }

        /** What axe-core finds against WCAG 2.x A and AA on the page as it is now: "rule: target (help)". */
        List<String> accessibilityViolations() {
            var results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
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

package io.reelsmith.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import io.reelsmith.api.FakeStages;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cast in a real browser: a creator with two characters picks both for a 1-block local video, sees both
 * names speaking in the planned script, starts it, and the finished video lists both. Screenshots (and their
 * accessibility checks) go to a temporary folder: docs/screenshots stay WebUiTest's.
 */
class CastUiTest {
    @RegisterExtension
    static final WebService ui = new WebService(FakeStages.providers(), Map.of());

    @TempDir
    Path shots;

    @Test
    void twoCharactersPickedPlannedSpokenAndListedOnTheFinishedVideo() throws Exception {
        // the tests' fast stand-in stages: what is tested is the cast in the pages (the animatic's cast is
        // AnimaticCastTest's)
        try (Browser.Tab tab = Browser.shared().newTab(ui.baseUrl(), shots)) {
            Page page = tab.page;
            // Two characters drawn from a description, through the API (the form is WebUiTest's).
            String token = tab.signIn("cast@example.com");
            for (String[] c :
                    new String[][] {{"Nano", "a cheerful banana"}, {"Mira", "a purple owl with round glasses"}}) {
                var r = tab.context
                        .request()
                        .post(
                                tab.baseUrl + "/api/v1/characters",
                                RequestOptions.create()
                                        .setHeader("Authorization", "Bearer " + token)
                                        .setData(Map.of("name", c[0], "description", c[1])));
                assertThat(r.status()).as(r.text()).isEqualTo(201);
            }

            tab.open("#/new");
            page.getByLabel("Theme").fill("Two friends find a treasure map");
            page.getByLabel("Characters").selectOption(new String[] {"Nano", "Mira"});
            assertThat(page.locator(".cast-member figcaption")).hasCount(2);
            assertThat(page.locator(".cast-member figcaption").allTextContents())
                    .containsExactlyInAnyOrder("Nano", "Mira");
            page.getByLabel("Blocks", new Page.GetByLabelOptions().setExact(true))
                    .fill("1"); // one block: both speak in it
            page.getByLabel("Provider").selectOption("local");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plan the script"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Planned script")))
                    .isVisible();
            Locator speakers = page.locator(".script-editor .speaker input");
            assertThat(speakers.count()).isGreaterThanOrEqualTo(2);
            assertThat(speakers.all().stream()
                            .map(Locator::inputValue)
                            .distinct()
                            .toList())
                    .as("the script editor shows both characters speaking")
                    .containsExactlyInAnyOrder("Nano", "Mira");
            tab.shoot("cast-new-video");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start making the video"))
                    .click();
            page.waitForURL(Pattern.compile(".*#/videos/[0-9a-f-]{36}$"));
            assertThat(page.locator(".video-head [data-status=completed]"))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(150_000));
            assertThat(page.locator(".video-head .meta")).containsText("Nano");
            assertThat(page.locator(".video-head .meta")).containsText("Mira");
            assertThat(page.locator("video.player")).isVisible();

            page.getByRole(AriaRole.NAVIGATION)
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Videos"))
                    .click();
            Locator item = page.locator(".video-item", new Page.LocatorOptions().setHasText("treasure map"));
            assertThat(item).containsText("Nano");
            assertThat(item).containsText("Mira");
            assertThat(tab.consoleErrors).as("console errors").isEmpty();
        }
    }
}

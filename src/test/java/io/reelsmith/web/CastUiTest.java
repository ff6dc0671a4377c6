package io.reelsmith.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.reelsmith.service.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cast in a real browser: a creator makes two characters, picks both for a 1-block local video, sees both
 * names speaking in the planned script, starts it, and the finished video lists both. Screenshots (and their
 * accessibility checks) go to a temporary folder: docs/screenshots stay WebUiTest's.
 */
class CastUiTest {
    @TempDir
    Path data;
    @TempDir
    Path shots;

    @Test
    void twoCharactersPickedPlannedSpokenAndListedOnTheFinishedVideo() throws Exception {
        try (Service server = WebService.start(data); Browser browser = new Browser(shots);
             Browser.Tab tab = browser.newTab(WebService.baseUrl(server))) {
            Page page = tab.page;
            tab.open("#/signup");
            page.getByLabel("Email").fill("cast@example.com");
            page.getByLabel("Password").fill("a long enough password");
            page.getByLabel("Password").press("Enter");
            page.waitForURL(Pattern.compile(".*#/characters$"));
            for (String name : new String[]{"Nano", "Mira"}) {
                Locator describe = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Describe it"));
                describe.getByLabel("Name").fill(name);
                describe.getByLabel("Description").fill(name.equals("Nano") ? "a cheerful banana" : "a purple owl with round glasses");
                describe.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create character")).click();
                page.locator(".character-card", new Page.LocatorOptions().setHasText(name)).waitFor();
            }

            tab.open("#/new");
            page.getByLabel("Theme").fill("Two friends find a treasure map");
            page.getByLabel("Characters").selectOption(new String[]{"Nano", "Mira"});
            assertThat(page.locator(".cast-member figcaption").allTextContents()).containsExactlyInAnyOrder("Nano", "Mira");
            page.getByLabel("Blocks", new Page.GetByLabelOptions().setExact(true)).fill("1"); // one block: both speak in it
            page.getByLabel("Provider").selectOption("local");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plan the script")).click();
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Planned script")).waitFor();
            Locator speakers = page.locator(".script-editor .speaker input");
            assertThat(speakers.count()).isGreaterThanOrEqualTo(2);
            assertThat(speakers.all().stream().map(Locator::inputValue).distinct().toList())
                    .as("the script editor shows both characters speaking").containsExactlyInAnyOrder("Nano", "Mira");
            tab.shoot("cast-new-video");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start making the video")).click();
            page.waitForURL(Pattern.compile(".*#/videos/[0-9a-f-]{36}$"));
            page.locator(".video-head [data-status=completed]").waitFor(new Locator.WaitForOptions().setTimeout(150_000));
            assertThat(page.locator(".video-head .meta").textContent()).contains("Nano").contains("Mira");
            page.locator("video.player").waitFor();

            page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Videos")).click();
            Locator item = page.locator(".video-item", new Page.LocatorOptions().setHasText("treasure map"));
            assertThat(item.textContent()).contains("Nano").contains("Mira");
            assertThat(tab.consoleErrors).as("console errors").isEmpty();
        }
    }
}

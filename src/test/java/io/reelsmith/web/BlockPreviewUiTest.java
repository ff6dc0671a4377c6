package io.reelsmith.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.subtitle.CaptionStyle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The video page shows each block as it finishes: its poster (drawn from the block) and its character-match score
 * from the drift check, with "Regenerate from block k" beside it, which makes that block and the ones after it again
 * and keeps the blocks before. The real local provider (animatic, palette drift check) behind a real server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockPreviewUiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    WebService.Session ui;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        // the real local stages (with their drift check), rendered at the fastest settings: two renders fit the time
        ProviderRegistry.JobContext fast = ProviderRegistry.JobContext.of(CaptionStyle.SHORTS).withRendering(null, new FinalRenderer("ultrafast", 35));
        ui = WebService.open(data, name -> ProviderRegistry.localOnly().stages(name, fast), Map.of());
    }

    @AfterAll
    void stop() {
        if (ui != null) ui.close();
    }

    @Test
    void eachBlockShowsItsPosterAndCharacterMatchAndRegeneratesFromThere() throws Exception {
        String token = api("POST", "/auth/register", null, "{\"email\":\"blocks@example.com\",\"password\":\"a long enough password\"}").get("token").asText();
        String character = api("POST", "/characters", token, "{\"name\":\"Rufus\",\"description\":\"an orange fox with a red scarf\"}").get("id").asText();
        String video = api("POST", "/videos", token, "{\"theme\":\"a fox flies a kite\",\"characterId\":\"" + character + "\",\"blocks\":2}").get("id").asText();
        api("POST", "/videos/" + video + "/start", token, null);

        try (Browser.Tab tab = ui.browser().newTab(ui.baseUrl())) {
            Page page = tab.page;
            tab.open("");
            page.evaluate("t => localStorage.setItem('reelsmith.token', t)", token);
            tab.open("#/videos/" + video);
            page.locator(".video-head [data-status=completed]").waitFor(new Locator.WaitForOptions().setTimeout(150_000));

            Locator cards = page.locator(".block-card");
            assertThat(cards.count()).isEqualTo(2);
            page.waitForFunction("() => [...document.querySelectorAll('.block-card img.block-poster')]"
                    + ".filter(i => i.complete && i.naturalWidth > 0).length === 2");
            for (int k = 1; k <= 2; k++) {
                Locator card = page.locator(".block-card[data-block='" + k + "']");
                assertThat(card.getByRole(AriaRole.IMG).getAttribute("alt")).isEqualTo("Block " + k + " poster");
                String match = card.locator(".drift").textContent();
                assertThat(match).matches("Character match \\d{1,3}%.*");
                assertThat(Double.parseDouble(card.locator(".drift").getAttribute("data-drift"))).isGreaterThanOrEqualTo(0.5); // the fox it drew
            }
            tab.shoot("video-blocks", page.locator("#blocks-heading"));
            assertThat(tab.consoleErrors).isEmpty();

            // "Regenerate from block 2": block 2 is made again, block 1 is kept.
            JsonNode before = api("GET", "/videos/" + video, token, null);
            page.locator(".block-card[data-block='2']").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Regenerate from block 2")).click();
            page.locator(".video-head [data-status=completed]").waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            page.locator(".video-head [data-status=completed]").waitFor(new Locator.WaitForOptions().setTimeout(150_000));
            JsonNode after = api("GET", "/videos/" + video, token, null);
            assertThat(finished(after, "block-1")).isEqualTo(finished(before, "block-1"));
            assertThat(finished(after, "block-2")).isNotEqualTo(finished(before, "block-2"));
            // the card shows the new take's poster (its URL carries the block's new finish time)
            page.waitForFunction("v => { const i = document.querySelector(\".block-card[data-block='2'] img.block-poster\"); "
                    + "return i && i.complete && i.naturalWidth > 0 && i.src.includes(encodeURIComponent(v)); }", finished(after, "block-2"));
            assertThat(page.locator(".block-card[data-block='2'] .drift").textContent()).startsWith("Character match ");
        }
    }

    private static String finished(JsonNode video, String step) {
        for (JsonNode s : video.get("steps")) if (s.get("name").asText().equals(step)) return s.get("finishedAt").asText();
        throw new AssertionError("no step " + step);
    }

    private JsonNode api(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ui.baseUrl() + "/api/v1" + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }
}

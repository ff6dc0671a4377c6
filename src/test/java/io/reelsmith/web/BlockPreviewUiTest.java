package io.reelsmith.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.reelsmith.testkit.FastLocal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The video page shows each block as it finishes: its poster (drawn from the block) and its character-match score
 * from the drift check, with "Regenerate from block k" beside it, which makes that block and the ones after it again
 * and keeps the blocks before. The real local provider (animatic, palette drift check) behind a real server.
 */
class BlockPreviewUiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The real local stages (with their drift check), rendered at the fastest settings: two renders fit the time. */
    @RegisterExtension
    static final WebService ui = new WebService(FastLocal.providers(), Map.of());

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachBlockShowsItsPosterAndCharacterMatchAndRegeneratesFromThere() throws Exception {
        try (Browser.Tab tab = ui.newTab()) {
            Page page = tab.page;
            String token = tab.signIn("blocks@example.com");
            String character = api(
                            "POST",
                            "/characters",
                            token,
                            "{\"name\":\"Rufus\",\"description\":\"an orange fox with a red scarf\"}")
                    .get("id")
                    .asText();
            String video = api(
                            "POST",
                            "/videos",
                            token,
                            "{\"theme\":\"a fox flies a kite\",\"characterId\":\"" + character + "\",\"blocks\":2}")
                    .get("id")
                    .asText();
            api("POST", "/videos/" + video + "/start", token, null);
            tab.open("#/videos/" + video);
            Locator completed = page.locator(".video-head [data-status=completed]");
            assertThat(completed).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(150_000));

            assertThat(page.locator(".block-card")).hasCount(2);
            page.waitForFunction("() => [...document.querySelectorAll('.block-card img.block-poster')]"
                    + ".filter(i => i.complete && i.naturalWidth > 0).length === 2");
            for (int k = 1; k <= 2; k++) {
                Locator card = page.locator(".block-card[data-block='" + k + "']");
                assertThat(card.getByRole(AriaRole.IMG)).hasAttribute("alt", "Block " + k + " poster");
                assertThat(card.locator(".drift")).hasText(Pattern.compile("^Character match \\d{1,3}%"));
                assertThat(Double.parseDouble(card.locator(".drift").getAttribute("data-drift")))
                        .isGreaterThanOrEqualTo(0.5); // the fox it drew
            }
            tab.shoot("video-blocks", page.locator("#blocks-heading"));
            assertThat(tab.consoleErrors).isEmpty();

            // "Regenerate from block 2": block 2 is made again, block 1 is kept.
            JsonNode before = api("GET", "/videos/" + video, token, null);
            page.locator(".block-card[data-block='2']")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Regenerate from block 2"))
                    .click();
            assertThat(completed).hasCount(0);
            assertThat(completed).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(150_000));
            JsonNode after = api("GET", "/videos/" + video, token, null);
            assertThat(finished(after, "block-1")).isEqualTo(finished(before, "block-1"));
            assertThat(finished(after, "block-2")).isNotEqualTo(finished(before, "block-2"));
            // the card shows the new take's poster (its URL carries the block's new finish time)
            page.waitForFunction(
                    "v => { const i = document.querySelector(\".block-card[data-block='2'] img.block-poster\"); "
                            + "return i && i.complete && i.naturalWidth > 0 && i.src.includes(encodeURIComponent(v)); }",
                    finished(after, "block-2"));
            assertThat(page.locator(".block-card[data-block='2'] .drift"))
                    .hasText(Pattern.compile("^Character match "));
        }
    }

    private static String finished(JsonNode video, String step) {
        for (JsonNode s : video.get("steps"))
            if (s.get("name").asText().equals(step)) return s.get("finishedAt").asText();
        throw new AssertionError("no step " + step);
    }

    private JsonNode api(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ui.baseUrl() + "/api/v1" + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }
}

package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.genai.errors.ApiException;
import io.reelsmith.config.ConfigLoader;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Google's 404 "models/… is no longer available" at any step (a model retired after our catalogue was written)
 * becomes the catalogue's one line, is not retried (a retired model never comes back) and records no spend.
 */
class RetiredModelAnswerTest {
    @Test
    void googles404ForARetiredModelIsOneReadableFailureAndIsNotRetried() {
        GoogleConfig config = ConfigLoader.fromEnvironment(Map.of(
                        "REELSMITH_GOOGLE_VERTEX",
                        "true",
                        "REELSMITH_GOOGLE_MAX_RETRIES",
                        "5",
                        "REELSMITH_GOOGLE_BACKOFF_INITIAL_MS",
                        "1"))
                .google();
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> new ApiCalls(config).call("character image", () -> {
                    attempts.incrementAndGet();
                    throw new ApiException(
                            404,
                            "NOT_FOUND",
                            "models/gemini-2.5-flash-image is no longer available. Please switch to gemini-3.1-flash-image.");
                }))
                .isInstanceOf(RetiredModelException.class)
                .hasMessage(
                        "gemini-2.5-flash-image was shut down by Google on 2026-10-02; use gemini-3.1-flash-image instead — see `reelsmith models google`");
        assertThat(attempts).hasValue(1);

        // A model the catalogue does not know yet: Google's own words, still one line, still not retried.
        AtomicInteger again = new AtomicInteger();
        assertThatThrownBy(() -> new ApiCalls(config).call("script", () -> {
                    again.incrementAndGet();
                    throw new ApiException(404, "NOT_FOUND", "models/gemini-4-flash is no longer available.");
                }))
                .isInstanceOf(RetiredModelException.class)
                .hasMessageContaining("gemini-4-flash is no longer available");
        assertThat(again).hasValue(1);

        // An ordinary 404 (no such operation) stays an ordinary failure.
        assertThatThrownBy(() -> new ApiCalls(config).call("polling", () -> {
                    throw new ApiException(404, "NOT_FOUND", "Operation x not found.");
                }))
                .isInstanceOf(GoogleException.class)
                .isNotInstanceOf(RetiredModelException.class);
    }
}

package io.reelsmith.google;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import com.google.genai.JsonSerializable;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;

/**
 * Builds the SDK client (google-genai 2.3.0) from the configuration.
 * <ul>
 * <li>The SDK's own retries are switched off (attempts 1): we retry ourselves, because a submit and a poll must be
 *     retried differently — a submit only when Google answered with no operation, a poll any time (see
 *     {@link ApiCalls}); SDK retries of a submit whose answer was lost could start, and bill, a second video.</li>
 * <li>Vertex AI is what SDK 2.x calls "enterprise" (Gemini Enterprise Agent Platform). The SDK still defaults that
 *     mode to API version {@code v1beta1}, where Veo's GA models answer 400 RESOURCE_PROJECT_INVALID
 *     (python-genai #2079); {@code v1} serves them, so we ask for {@code v1}. Omni's Interactions API on Agent Platform
 *     is served under {@code v1beta1} (inferred: a third-party page and the SDK's own default), so a client whose
 *     video model is Omni keeps that version; its text and image models answer there too.</li>
 * <li>Vertex credentials: {@code REELSMITH_GOOGLE_ACCESS_TOKEN} (a short-lived OAuth token) when set, else
 *     application default credentials.</li>
 * </ul>
 */
public final class GoogleClients {
    static final int MAX_JSON_BYTES = 512 * 1024 * 1024;
    public static final String VERTEX_API_VERSION = "v1",
            VERTEX_INTERACTIONS_VERSION = "v1beta1",
            GEMINI_API_VERSION = "v1beta";

    private GoogleClients() {}

    public static Client create(GoogleConfig c) {
        return create(c, null);
    }

    /** {@code credentials}: Vertex AI credentials to use instead of the configured token or ADC (tests). */
    public static Client create(GoogleConfig c, GoogleCredentials credentials) {
        // Vertex AI returns videos inline in the operation JSON: a 148 s take is far above the SDK's 20 MB default.
        JsonSerializable.setMaxReadLength(MAX_JSON_BYTES);
        HttpOptions.Builder http = HttpOptions.builder()
                .timeout((int) c.requestTimeout().toMillis())
                .retryOptions(HttpRetryOptions.builder().attempts(1).build());
        if (c.baseUrl() != null) http.baseUrl(c.baseUrl());
        Client.Builder b = Client.builder();
        if (c.vertex()) {
            if (c.project() == null)
                throw new IllegalArgumentException(
                        "Vertex AI mode needs GOOGLE_CLOUD_PROJECT (and application default credentials or REELSMITH_GOOGLE_ACCESS_TOKEN)");
            http.apiVersion(c.backend() == VideoBackend.OMNI ? VERTEX_INTERACTIONS_VERSION : VERTEX_API_VERSION);
            b.enterprise(true).project(c.project()).location(c.location());
            if (credentials == null && c.accessToken() != null)
                credentials = GoogleCredentials.create(new AccessToken(c.accessToken(), null));
            if (credentials != null) b.credentials(credentials);
        } else {
            if (c.apiKey() == null)
                throw new IllegalArgumentException(
                        "the google provider needs GEMINI_API_KEY (or REELSMITH_GOOGLE_VERTEX=true with a project)");
            http.apiVersion(GEMINI_API_VERSION);
            b.apiKey(c.apiKey());
        }
        return b.httpOptions(http.build()).build();
    }
}

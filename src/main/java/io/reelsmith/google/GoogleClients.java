package io.reelsmith.google;

import com.google.genai.Client;
import com.google.genai.JsonSerializable;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;

/**
 * Builds the SDK client from the configuration. The SDK's own retries are switched off (attempts 1): we retry
 * ourselves, because a submit and a poll must be retried differently (see {@link ApiCalls}).
 */
public final class GoogleClients {
    static final int MAX_JSON_BYTES = 512 * 1024 * 1024;

    private GoogleClients() { }

    public static Client create(GoogleConfig c) {
        return create(c, null);
    }

    /** {@code credentials}: Vertex AI credentials to use instead of application default credentials (tests). */
    public static Client create(GoogleConfig c, com.google.auth.oauth2.GoogleCredentials credentials) {
        // Vertex AI returns videos inline in the operation JSON: a 148 s take is far above the SDK's 20 MB default.
        JsonSerializable.setMaxReadLength(MAX_JSON_BYTES);
        HttpOptions.Builder http = HttpOptions.builder()
                .timeout((int) c.requestTimeout().toMillis())
                .retryOptions(HttpRetryOptions.builder().attempts(1).build());
        if (c.baseUrl() != null) http.baseUrl(c.baseUrl());
        Client.Builder b = Client.builder();
        if (c.vertex()) {
            if (c.project() == null) throw new IllegalArgumentException("Vertex AI mode needs GOOGLE_CLOUD_PROJECT (and application default credentials)");
            b.vertexAI(true).project(c.project()).location(c.location());
            if (credentials != null) b.credentials(credentials);
        } else {
            if (c.apiKey() == null) throw new IllegalArgumentException("the google provider needs GEMINI_API_KEY (or REELSMITH_GOOGLE_VERTEX=true with a project)");
            http.apiVersion("v1beta");
            b.apiKey(c.apiKey());
        }
        return b.httpOptions(http.build()).build();
    }
}

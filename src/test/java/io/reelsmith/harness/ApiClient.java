package io.reelsmith.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The few calls of the REST API (/api/v1) that the harness's users make: an account, a character, videos. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private String token;

    public ApiClient(String baseUrl) {
        this.base = baseUrl + "/api/v1";
    }

    public ApiClient register(String email, String password) throws IOException {
        token = send("POST", "/auth/register", Map.of("email", email, "password", password), 201)
                .path("token")
                .asText();
        return this;
    }

    /** A character drawn by the server's character provider; returns its id. */
    public String createCharacter(String name, String description) throws IOException {
        return send("POST", "/characters", Map.of("name", name, "description", description, "style", "cartoon"), 201)
                .path("id")
                .asText();
    }

    /** Plans and starts a video; returns its id. */
    public String startVideo(String characterId, String theme, int blocks, String provider) throws IOException {
        String id = send(
                        "POST",
                        "/videos",
                        Map.of(
                                "theme",
                                theme,
                                "characterId",
                                characterId,
                                "blocks",
                                blocks,
                                "language",
                                "en",
                                "provider",
                                provider),
                        201)
                .path("id")
                .asText();
        send("POST", "/videos/" + id + "/start", null, 200, 202);
        return id;
    }

    public JsonNode video(String id) throws IOException {
        return send("GET", "/videos/" + id, null, 200);
    }

    public String status(String id) throws IOException {
        return video(id).path("status").asText();
    }

    /** GET /videos/{id}/files/{name}, with a Range header unless {@code range} is null; any status is returned. */
    public HttpResponse<byte[]> download(String id, String name, String range) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/videos/" + id + "/files/" + name))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60))
                .GET();
        if (range != null) b.header("Range", range);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: download " + name);
        }
    }

    /** The request a status poller sends, for timing it: GET /videos/{id}. */
    public HttpRequest statusRequest(String id) {
        return HttpRequest.newBuilder(URI.create(base + "/videos/" + id))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    public HttpClient http() {
        return http;
    }

    private JsonNode send(String method, String path, Object body, int... expected) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (body != null) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + method + " " + path);
        }
        for (int code : expected) {
            if (r.statusCode() == code) return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        }
        throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
}

package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelsmith.storage.DbJournal;
import io.reelsmith.testkit.FastLocal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole flow over real HTTP against a running service: accounts, characters (upload and generated), a
 * planned video with an edited script, start, Server-Sent Events to completion, downloads (with Range), then
 * regenerate from block 2, a failed-then-retried video and a cancelled one. The provider is the real local
 * one (offline portrait, template script, animatic); {@link Instrumented} counts its block calls and can make
 * the next ones fail.
 */
class VideoFlowTest {
    @TempDir
    static Path data;

    static Instrumented fake =
            new Instrumented(FastLocal.providers()); // the real local provider (the animatic), rendered fast
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, fake.providers(), Map.of("reelsmith.jobs.max.attempts", "1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void planEditStartFollowDownloadRegenerate() throws Exception {
        String a = server.newUser();
        var upload = TestServer.multipart(
                Map.of("name", "Nano Banana", "description", "a banana with sunglasses"), "nano.png", FakeStages.png());
        var up = server.send("POST", "/api/v1/characters/upload", a, upload.contentType(), upload.body());
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        assertThat(TestServer.parse(up).get("source").asText()).isEqualTo("upload");
        var gen = server.json(
                "POST",
                "/api/v1/characters",
                a,
                "{\"name\":\"Robo\",\"description\":\"a tin robot\",\"style\":\"pixel art\"}");
        assertThat(gen.statusCode()).as(gen.body()).isEqualTo(201);
        String characterId = TestServer.parse(gen).get("id").asText();
        var img = server.bytes("/api/v1/characters/" + characterId + "/image", a, null);
        assertThat(img.statusCode()).isEqualTo(200);
        assertThat(img.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
        assertThat(TestServer.parse(server.json("GET", "/api/v1/characters?limit=1", a, null))
                        .get("total")
                        .asInt())
                .isEqualTo(2);

        var created = server.json(
                "POST",
                "/api/v1/videos",
                a,
                "{\"theme\":\"a treasure map\",\"characterId\":\"" + characterId
                        + "\",\"blocks\":2,\"language\":\"en\",\"provider\":\"local\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode video = TestServer.parse(created);
        String id = video.get("id").asText();
        assertThat(video.get("status").asText()).isEqualTo("draft");
        assertThat(video.get("estimate").get("usd").decimalValue()).isZero();
        assertThat(video.get("estimate").get("plan").isNull()).isTrue(); // the animatic films no chains
        assertThat(video.get("script").get("blocks")).hasSize(2);

        // Edit the first line of the planned script, then start.
        var script = (ObjectNode) video.get("script");
        ((ObjectNode) script.get("blocks").get(0).get("dialogue").get(0)).put("text", "Edited line of dialogue here.");
        var put = server.json("PUT", "/api/v1/videos/" + id + "/script", a, script.toString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(server.json("POST", "/api/v1/videos/" + id + "/start", a, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(server.json("PUT", "/api/v1/videos/" + id + "/script", a, script.toString())
                        .statusCode())
                .isEqualTo(409);

        List<String> events = followEvents(a, id);
        assertThat(events.get(events.size() - 1)).contains("\"status\":\"completed\"");
        assertThat(events).anySatisfy(e -> assertThat(e).contains("\"status\":\"running\""));

        JsonNode done = TestServer.parse(server.json("GET", "/api/v1/videos/" + id, a, null));
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("progress").get("done").asInt()).isEqualTo(6);
        for (JsonNode s : done.get("steps")) {
            assertThat(s.get("status").asText()).as(s.toString()).isEqualTo("done");
            assertThat(s.get("attempts").asInt()).isEqualTo(1);
        }

        var mp4 = server.bytes("/api/v1/videos/" + id + "/files/final.mp4", a, null);
        assertThat(mp4.statusCode()).isEqualTo(200);
        TestServer.assertVertical(mp4.body(), data.resolve("downloaded.mp4"));
        var part = server.bytes("/api/v1/videos/" + id + "/files/final.mp4", a, "bytes=0-99");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(100);
        for (String name : List.of("subtitles.ass", "subtitles.srt", "subtitles.vtt", "words.json", "script.json")) {
            var f = server.bytes("/api/v1/videos/" + id + "/files/" + name, a, null);
            assertThat(f.statusCode()).as(name).isEqualTo(200);
            assertThat(f.body()).as(name).isNotEmpty();
        }
        assertThat(new String(
                        server.bytes("/api/v1/videos/" + id + "/files/script.json", a, null)
                                .body(),
                        StandardCharsets.UTF_8))
                .contains("Edited line of dialogue here.");

        // Regenerate from block 2: block 1 is kept, block 2, subtitles and render run again.
        int callsBefore = fake.blockCalls.get();
        assertThat(server.json("POST", "/api/v1/videos/" + id + "/regenerate?fromBlock=2", a, null)
                        .statusCode())
                .isEqualTo(200);
        followEvents(a, id);
        assertThat(fake.blockCalls.get() - callsBefore).isEqualTo(1);
        var log = new DbJournal(server.db(), id).log();
        assertThat(finishes(log, "block-1")).isEqualTo(1);
        assertThat(finishes(log, "block-2")).isEqualTo(2);
        assertThat(finishes(log, "render")).isEqualTo(2);

        // Every durable file is in the blob store under the owner's prefix; the worker's scratch copy is gone.
        Path stored;
        try (Stream<Path> dirs = Files.walk(server.config.service().blobDir().resolve("users"))) {
            stored = dirs.filter(d -> d.getFileName().toString().equals(id)
                            && d.getParent().getFileName().toString().equals("videos"))
                    .findFirst()
                    .orElseThrow();
        }
        for (String name : List.of(
                "final.mp4",
                "subtitles.ass",
                "words.json",
                "script.json",
                "character.png",
                "manifest.json",
                ".reelsmith/take.json",
                ".reelsmith/take.wav",
                ".reelsmith/blocks/block-01.json",
                ".reelsmith/blocks/block-01.wav",
                ".reelsmith/blocks/block-01.bg.bmp",
                ".reelsmith/blocks/block-02.json")) {
            assertThat(stored.resolve(name)).as(name).isRegularFile();
        }
        assertThat(server.config.service().jobsDir().resolve(id)).doesNotExist();
        JsonNode manifest =
                TestServer.parse(server.json("GET", "/api/v1/videos/" + id + "/files/manifest.json", a, null));
        assertThat(manifest.get("video").get("height").asInt()).isEqualTo(1920);

        // Deleting the video deletes its files.
        assertThat(server.json("DELETE", "/api/v1/videos/" + id, a, null).statusCode())
                .isEqualTo(204);
        try (Stream<Path> left = Files.walk(stored.getParent())) {
            assertThat(left.filter(Files::isRegularFile)
                            .filter(f -> f.startsWith(stored))
                            .toList())
                    .isEmpty();
        }
    }

    @Test
    void aFailedVideoIsRetriedFromItsFirstUnfinishedStep() throws Exception {
        String a = server.newUser();
        String id = oneBlockDraft(a, "Zed", "rain");
        synchronized (fake) {
            fake.failBlocks.set(1); // the first block call fails; max attempts is 1, so the video fails
            server.json("POST", "/api/v1/videos/" + id + "/start", a, null);
            followEvents(a, id);
        }
        JsonNode failed = TestServer.parse(server.json("GET", "/api/v1/videos/" + id, a, null));
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").asText()).contains("simulated provider outage");
        assertThat(failed.get("steps").get(2).get("status").asText()).isEqualTo("failed");

        assertThat(server.json("POST", "/api/v1/videos/" + id + "/retry", a, null)
                        .statusCode())
                .isEqualTo(200);
        followEvents(a, id);
        JsonNode done = TestServer.parse(server.json("GET", "/api/v1/videos/" + id, a, null));
        assertThat(done.get("status").asText()).isEqualTo("completed");
        var log = new DbJournal(server.db(), id).log();
        assertThat(finishes(log, "character")).isEqualTo(1);
        assertThat(finishes(log, "script")).isEqualTo(1);
        assertThat(log.stream()
                        .filter(e -> e.step().equals("block-1") && e.event().equals("started"))
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aCancelledVideoStaysCancelledUntilRetried() throws Exception {
        String a = server.newUser();
        String id = oneBlockDraft(a, "Quitter", "second thoughts");
        server.json("POST", "/api/v1/videos/" + id + "/start", a, null);
        var cancelled = server.json("POST", "/api/v1/videos/" + id + "/cancel", a, null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(TestServer.parse(cancelled).get("status").asText()).isEqualTo("cancelled");
        // proves nothing happens: longer than a poll interval, a job still around would have run by now
        Thread.sleep(7000);
        JsonNode still = TestServer.parse(server.json("GET", "/api/v1/videos/" + id, a, null));
        assertThat(still.get("status").asText()).isEqualTo("cancelled");
        assertThat(still.get("progress").get("done").asInt())
                .as("at most the step running at the cancel finishes")
                .isLessThanOrEqualTo(1);
        assertThat(server.json("POST", "/api/v1/videos/" + id + "/cancel", a, null)
                        .statusCode())
                .isEqualTo(409);

        assertThat(server.json("POST", "/api/v1/videos/" + id + "/retry", a, null)
                        .statusCode())
                .isEqualTo(200);
        followEvents(a, id);
        assertThat(server.videoStatus(a, id)).isEqualTo("completed");
        var log = new DbJournal(server.db(), id).log();
        for (String step : List.of("character", "script", "block-1", "subtitles", "render"))
            assertThat(finishes(log, step)).as(step).isEqualTo(1);
    }

    /** A new character and a planned one-block video of it; returns the video's id. */
    private static String oneBlockDraft(String token, String character, String theme) throws Exception {
        return server.newVideo(token, theme, server.newCharacter(token, character), 1);
    }

    private static long finishes(List<DbJournal.LogEntry> log, String step) {
        return log.stream()
                .filter(e -> e.step().equals(step) && e.event().equals("finished"))
                .count();
    }

    /** Reads the SSE stream until its end event; returns the data lines of the 'video' events. */
    static List<String> followEvents(String token, String id) throws Exception {
        return followEvents(server, token, id);
    }

    static List<String> followEvents(TestServer server, String token, String id) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.base + "/api/v1/videos/" + id + "/events"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> res = server.http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        // The stream has no end of its own while the job is stuck: bound the wait.
        return CompletableFuture.supplyAsync(() -> readUntilEnd(res.body())).get(3, TimeUnit.MINUTES);
    }

    private static List<String> readUntilEnd(InputStream body) {
        List<String> data = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("event: ")) event = line.substring(7);
                else if (line.startsWith("data: ") && "video".equals(event)) data.add(line.substring(6));
                else if (line.startsWith("data: ") && "end".equals(event)) return data;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("the event stream ended without an end event; got " + data.size() + " events");
    }
}

package io.reelsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.storage.DbJournal;
import io.reelsmith.testkit.FastLocal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test: {@code reelsmith serve} runs as a child JVM with the real local provider; while block 2 of
 * a video is being made the process is killed with SIGKILL; a new {@code serve} on the same data directory
 * finishes the job (JobRunr finds the orphaned job), and the step log shows that every finished step ran
 * once: block 1 is not made again, block 2 is started twice and finishes once. The run lease is the shortest
 * allowed (10 s): the new run waits for the dead one's lease to go stale.
 */
class ServeCrashTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern READY = Pattern.compile("reelsmith serving on (http://\\S+)");
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path data;

    record Server(Process process, String base) {}

    @AfterEach
    void killLeftovers() {
        for (Process p : processes) if (p.isAlive()) p.destroyForcibly();
    }

    @Test
    void aKilledServerResumesTheJobWithoutRedoingFinishedSteps() throws Exception {
        Server first = start("first");
        String token = field(
                call(
                        first,
                        "POST",
                        "/api/v1/auth/register",
                        null,
                        "{\"email\":\"crash@example.com\",\"password\":\"crash test 1\"}"),
                "token");
        String character = field(
                call(
                        first,
                        "POST",
                        "/api/v1/characters",
                        token,
                        "{\"name\":\"Nano Banana\",\"description\":\"a banana with sunglasses\"}"),
                "id");
        String video = field(
                call(
                        first,
                        "POST",
                        "/api/v1/videos",
                        token,
                        "{\"theme\":\"a treasure map in the attic\",\"characterId\":\"" + character
                                + "\",\"blocks\":2,\"language\":\"en\",\"provider\":\"local\"}"),
                "id");
        call(first, "POST", "/api/v1/videos/" + video + "/start", token, null);

        // Kill the moment block 2 is being made (block 1 is finished by then): one look per poll, so no race.
        await("block-2 running")
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> stepStatus(first, token, video, "block-2"), status -> {
                    assertThat(status)
                            .as("block-2 finished before it could be interrupted")
                            .isIn("pending", "running");
                    return status.equals("running");
                });
        first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the database
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

        Server second = start("second");
        JsonNode after = JSON.readTree(
                call(second, "GET", "/api/v1/videos/" + video, token, null).body());
        assertThat(step(after, "block-1").get("status").asText()).isEqualTo("done");
        assertThat(step(after, "block-2").get("status").asText()).isEqualTo("running"); // as the crash left it

        await("the job completed after the restart")
                .atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> JSON.readTree(call(second, "GET", "/api/v1/videos/" + video, token, null)
                                .body()),
                        v -> {
                            assertThat(v.get("status").asText())
                                    .as(v.toString())
                                    .isIn("running", "queued", "completed");
                            return v.get("status").asText().equals("completed");
                        });
        HttpResponse<byte[]> mp4 = http.send(
                HttpRequest.newBuilder(URI.create(second.base() + "/api/v1/videos/" + video + "/files/final.mp4"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(mp4.statusCode()).isEqualTo(200);
        Path file = data.resolve("final-downloaded.mp4");
        Files.write(file, mp4.body());
        MediaInfo info = MediaInfo.probe(file);
        assertThat(info.width()).isEqualTo(1080);
        assertThat(info.height()).isEqualTo(1920);

        second.process().destroy(); // SIGTERM: the shutdown hook closes the database, which this test then reads
        assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        Jdbi db = Jdbi.create("jdbc:h2:file:" + data.resolve("db/reelsmith"), "sa", "");
        List<DbJournal.LogEntry> log = new DbJournal(db, video).log();
        for (String s : List.of("character", "script", "block-1", "block-2", "subtitles", "render")) {
            assertThat(count(log, s, "finished"))
                    .as("%s finished; log %s", s, log)
                    .isEqualTo(1);
        }
        assertThat(count(log, "block-1", "started"))
                .as("block 1 is not made again")
                .isEqualTo(1);
        assertThat(count(log, "block-2", "started"))
                .as("block 2: interrupted, then made again")
                .isEqualTo(2);
    }

    private static long count(List<DbJournal.LogEntry> log, String step, String event) {
        return log.stream()
                .filter(e -> e.step().equals(step) && e.event().equals(event))
                .count();
    }

    /** Starts {@code reelsmith serve} in a child JVM on a free port and waits for its ready line. */
    private Server start(String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                        java,
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "serve",
                        "--port",
                        "0",
                        "--data-dir",
                        data.toString(),
                        "--dashboard-port",
                        "-1",
                        "--health-port",
                        "-1")
                .redirectError(data.resolve(name + ".log").toFile());
        pb.environment().put("REELSMITH_JOBS_LEASE_SECONDS", "10");
        pb.environment().put(FastLocal.ENV, FastLocal.VALUE);
        Process p = pb.start();
        processes.add(p);
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    Matcher m = READY.matcher(line);
                    if (m.find()) return m.group(1);
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String base = ready.get(120, TimeUnit.SECONDS);
        assertThat(base)
                .as("serve did not start; its log: " + Files.readString(data.resolve(name + ".log")))
                .isNotNull();
        return new Server(p, base);
    }

    private HttpResponse<String> call(Server s, String method, String path, String token, String json)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.base() + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (json != null) b.header("Content-Type", "application/json");
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + " → " + r.body()).isBetween(200, 299);
        return r;
    }

    private static String field(HttpResponse<String> r, String name) throws IOException {
        return JSON.readTree(r.body()).get(name).asText();
    }

    private String stepStatus(Server s, String token, String video, String name) throws Exception {
        return step(
                        JSON.readTree(call(s, "GET", "/api/v1/videos/" + video, token, null)
                                .body()),
                        name)
                .get("status")
                .asText();
    }

    private static JsonNode step(JsonNode video, String name) {
        for (JsonNode st : video.get("steps")) if (st.get("name").asText().equals(name)) return st;
        throw new AssertionError("no step " + name + " in " + video);
    }
}

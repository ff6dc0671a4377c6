package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelsmith.app.batch.BatchRunner;
import io.reelsmith.app.files.VideoFiles;
import io.reelsmith.app.money.Budgets;
import io.reelsmith.app.money.StepPrices;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.app.video.ScriptCache;
import io.reelsmith.app.video.VideoService;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.pipeline.JobStages;
import io.reelsmith.service.JobRunrQueue;
import io.reelsmith.storage.Batches;
import io.reelsmith.storage.BlobStores;
import io.reelsmith.storage.Characters;
import io.reelsmith.storage.Database;
import io.reelsmith.storage.DbBudgets;
import io.reelsmith.storage.DbSpendLedger;
import io.reelsmith.storage.DbTransactions;
import io.reelsmith.storage.DbVideoJournals;
import io.reelsmith.storage.Videos;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jdbi.v3.core.Jdbi;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches over real HTTP with the local provider (free, 1-block videos): five themes become five finished videos
 * whose rows are in the database and whose final.mp4 files come back in one ZIP; bad input is a 400 that writes
 * nothing; another user's batch is not found.
 */
class BatchApiTest {
    @RegisterExtension
    static final SharedTestServer shared = new SharedTestServer(
            FakeStages::providers, Map.of("reelsmith.jobs.workers", "3", "reelsmith.jobs.max.attempts", "1"));

    static String character(String token) throws Exception {
        var upload =
                TestServer.multipart(Map.of("name", "Kwirlo", "description", "a small fox"), "k.png", FakeStages.png());
        return TestServer.parse(shared.server()
                        .send("POST", "/api/v1/characters/upload", token, upload.contentType(), upload.body()))
                .get("id")
                .asText();
    }

    /** Polls the batch as a client does until it is finished. */
    static JsonNode awaitFinished(TestServer s, String token, String id, Duration limit) {
        return await("batch " + id + " finished")
                .atMost(limit)
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> TestServer.parse(s.json("GET", "/api/v1/batches/" + id, token, null)),
                        b -> b.get("status").asText().equals("finished"));
    }

    @Test
    void fiveThemesBecomeFiveFinishedVideosAndOneZipOfTheirMp4s(@TempDir Path tmp) throws Exception {
        String token = shared.server().newUser();
        String characterId = character(token);
        var r = shared.server()
                .json(
                        "POST",
                        "/api/v1/batches",
                        token,
                        "{\"themes\":[\"a map in the attic\",\"a kite on the beach\",\"  a cake for grandma \","
                                + "\"a lost cat\",\"a race of snails\"],\"characterId\":\"" + characterId
                                + "\",\"blocks\":1,\"provider\":\"local\",\"budgetUsd\":1}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode created = TestServer.parse(r);
        String id = created.get("id").asText();
        assertThat(created.get("videos")).hasSize(5);
        assertThat(created.get("videos").get(2).get("theme").asText()).isEqualTo("a cake for grandma");

        JsonNode done = awaitFinished(shared.server(), token, id, Duration.ofSeconds(90));
        assertThat(done.get("counts").toString()).isEqualTo("{\"completed\":5}");
        assertThat(done.get("spentUsd").decimalValue()).isEqualByComparingTo("0");
        assertThat(done.get("budgetUsd").decimalValue()).isEqualByComparingTo("1");
        List<String> videoIds = new ArrayList<>();
        for (JsonNode v : done.get("videos")) {
            videoIds.add(v.get("id").asText());
            assertThat(v.get("fileUrl").asText())
                    .isEqualTo("/api/v1/videos/" + v.get("id").asText() + "/files/final.mp4");
        }
        // The rows: five themes started, five completed videos of this user, each with its theme.
        var db = shared.server().db();
        List<String> states = db.withHandle(h -> h.createQuery("SELECT state FROM batch_videos WHERE batch_id = ?")
                .bind(0, id)
                .mapTo(String.class)
                .list());
        assertThat(states).containsExactly("STARTED", "STARTED", "STARTED", "STARTED", "STARTED");
        List<String> completed = db.withHandle(
                h -> h.createQuery("SELECT theme FROM videos WHERE status = 'COMPLETED' AND id IN (<ids>)")
                        .bindList("ids", videoIds)
                        .mapTo(String.class)
                        .list());
        assertThat(completed)
                .containsExactlyInAnyOrder(
                        "a map in the attic",
                        "a kite on the beach",
                        "a cake for grandma",
                        "a lost cat",
                        "a race of snails");
        JsonNode list = TestServer.parse(shared.server().json("GET", "/api/v1/batches", token, null));
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asText()).isEqualTo(id);

        // The ZIP: five MP4s, named by theme, each a 1080x1920 video that ffprobe reads.
        var zip = shared.server().bytes("/api/v1/batches/" + id + "/files", token, null);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).contains("application/zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                Path file = tmp.resolve(e.getName());
                Files.write(file, in.readAllBytes());
                MediaInfo info = MediaInfo.probe(file);
                assertThat(info.width()).isEqualTo(1080);
                assertThat(info.height()).isEqualTo(1920);
                assertThat(info.seconds()).isGreaterThan(0.5);
            }
        }
        assertThat(names)
                .containsExactly(
                        "01-a-map-in-the-attic.mp4",
                        "02-a-kite-on-the-beach.mp4",
                        "03-a-cake-for-grandma.mp4",
                        "04-a-lost-cat.mp4",
                        "05-a-race-of-snails.mp4");

        // Another user finds neither the batch nor its files.
        String other = shared.server().newUser();
        assertThat(shared.server()
                        .json("GET", "/api/v1/batches/" + id, other, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(shared.server()
                        .bytes("/api/v1/batches/" + id + "/files", other, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void badInputIsA400ThatSaysWhyAndWritesNothing() throws Exception {
        String token = shared.server().newUser();
        String characterId = character(token);
        long batchesBefore = shared.server().count("batches"),
                themesBefore = shared.server().count("batch_videos"),
                videosBefore = shared.server().count("videos");
        String tail = ",\"characterId\":\"" + characterId + "\",\"blocks\":1";
        String fifty1 = "[" + String.join(",", Collections.nCopies(51, "\"a theme\"")) + "]";
        Map<String, String> cases = Map.of(
                "{\"themes\":[]" + tail + ",\"budgetUsd\":1}", "at least one theme",
                "{\"themes\":" + fifty1 + tail + ",\"budgetUsd\":1}", "at most 50 themes",
                "{\"themes\":[\"a map\",\"   \"]" + tail + ",\"budgetUsd\":1}", "theme 2 is blank",
                "{\"themes\":[\"a map\"]" + tail + ",\"budgetUsd\":0}", "budgetUsd must be",
                "{\"themes\":[\"a map\"]" + tail + ",\"budgetUsd\":-3}", "budgetUsd must be",
                "{\"themes\":[\"a map\"]" + tail + "}", "budgetUsd must be",
                "{\"themes\":[\"a map\"]" + tail + ",\"budgetUsd\":1,\"provider\":\"acme\"}",
                        "unknown provider 'acme'");
        for (var c : cases.entrySet()) {
            var r = shared.server().json("POST", "/api/v1/batches", token, c.getKey());
            TestServer.assertBadRequest(r, c.getKey(), c.getValue());
        }
        var unknownCharacter = shared.server()
                .json(
                        "POST",
                        "/api/v1/batches",
                        token,
                        "{\"themes\":[\"a map\"],\"characterId\":\"" + UUID.randomUUID() + "\",\"budgetUsd\":1}");
        assertThat(unknownCharacter.statusCode()).isEqualTo(404);
        assertThat(shared.server().count("batches")).isEqualTo(batchesBefore);
        assertThat(shared.server().count("batch_videos")).isEqualTo(themesBefore);
        assertThat(shared.server().count("videos")).isEqualTo(videosBefore);
    }

    /**
     * The starter is safe to run again, as JobRunr's retry or the next process start does: run twice, and run again
     * after a "crash" between planning a video and starting it, it plans each theme once and starts the one left.
     */
    @Test
    void theStarterRunAgainPlansAndStartsEachThemeOnce(@TempDir Path dir) throws Exception {
        try (TestServer s = new TestServer(
                        dir, FakeStages.providers(), Map.of(), false); // no job server: the test runs the starter
                var db = Database.open(
                        s.config.service().dbUrl(),
                        s.config.service().dbUser(),
                        s.config.service().dbPassword())) {
            String token = s.newUser();
            var upload = TestServer.multipart(
                    Map.of("name", "Kwirlo", "description", "a small fox"), "k.png", FakeStages.png());
            String characterId = TestServer.parse(
                            s.send("POST", "/api/v1/characters/upload", token, upload.contentType(), upload.body()))
                    .get("id")
                    .asText();
            var r = s.json(
                    "POST",
                    "/api/v1/batches",
                    token,
                    "{\"themes\":[\"a map\",\"a kite\",\"a cake\"],\"characterId\":\"" + characterId
                            + "\",\"blocks\":1,\"budgetUsd\":1}");
            String id = TestServer.parse(r).get("id").asText();
            assertThat(TestServer.parse(s.json("GET", "/api/v1/batches/" + id, token, null))
                            .get("counts")
                            .toString())
                    .isEqualTo("{\"pending\":3}");

            var jdbi = db.jdbi();
            var jobs = SqlStorageProviderFactory.using(db.dataSource());
            jobs.setJobMapper(new JobMapper(new JacksonJsonMapper()));
            var files = new VideoFiles(BlobStores.open(
                    s.config.service().storage(), s.config.service().blobDir()));
            var budgets = new Budgets(
                    new DbBudgets(jdbi),
                    new DbTransactions(jdbi),
                    null,
                    new StepPrices(ConfigLoader.fromEnvironment(Map.of())::google));
            var videos = new VideoService(
                    new Videos(jdbi),
                    new Characters(jdbi),
                    new DbVideoJournals(jdbi),
                    files,
                    JobStages.shared(FakeStages.providers()),
                    ProviderRegistry.localOnly(),
                    new JobRunrQueue(new JobRequestScheduler(jobs)),
                    new DbSpendLedger(jdbi),
                    budgets,
                    new ScriptCache());
            var starter =
                    new BatchRunner(new Batches(jdbi), new Videos(jdbi), videos, budgets, ProviderRegistry.localOnly());
            starter.run(id);
            starter.run(id);
            // A crash after planning theme 2's video and before starting it: the next run starts it, without planning
            // it again.
            String second = TestServer.parse(s.json("GET", "/api/v1/batches/" + id, token, null))
                    .get("videos")
                    .get(1)
                    .get("id")
                    .asText();
            jdbi.useHandle(h -> {
                h.execute("UPDATE batch_videos SET state = 'RESERVED' WHERE batch_id = ? AND position = 2", id);
                h.execute("UPDATE videos SET status = 'DRAFT', job_id = NULL WHERE id = ?", second);
            });
            var scriptBefore =
                    files.read(userOf(jdbi, second), second, "script.json").orElseThrow();
            starter.run(id);

            JsonNode b = TestServer.parse(s.json("GET", "/api/v1/batches/" + id, token, null));
            assertThat(b.get("counts").toString()).isEqualTo("{\"queued\":3}");
            List<String> themes = jdbi.withHandle(h -> h.createQuery("SELECT theme FROM videos ORDER BY theme")
                    .mapTo(String.class)
                    .list());
            assertThat(themes).containsExactly("a cake", "a kite", "a map");
            assertThat(files.read(userOf(jdbi, second), second, "script.json").orElseThrow())
                    .as("not planned again")
                    .isEqualTo(scriptBefore);
            List<String> states = jdbi.withHandle(
                    h -> h.createQuery("SELECT state FROM batch_videos WHERE batch_id = ? ORDER BY position")
                            .bind(0, id)
                            .mapTo(String.class)
                            .list());
            assertThat(states).containsExactly("STARTED", "STARTED", "STARTED");
        }
    }

    private static String userOf(Jdbi jdbi, String videoId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT owner_id FROM videos WHERE id = ?")
                .bind(0, videoId)
                .mapTo(String.class)
                .one());
    }
}

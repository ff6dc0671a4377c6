package io.reelsmith.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelsmith.harness.ApiClient;
import io.reelsmith.harness.ChildJvm;
import io.reelsmith.harness.ClusterHarness;
import io.reelsmith.kernel.FileTrees;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.testkit.FastLocal;
import io.reelsmith.testkit.TestScale;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The google provider on the cluster (PostgreSQL, S3, an API process, two worker processes) against the Gemini
 * emulator: a worker is killed while it polls a paid Veo operation (and its disk deleted).
 * Every video still completes on the other worker, resumed from the journal and the store; every block is billed
 * once (the only extra generations allowed are submissions recorded as uncertain), the Veo limit holds across
 * processes, no step finishes twice, and the API, which made none of them, serves each final.mp4 from the store.
 * The suite runs 4 videos; {@code bench resilience} 8 (with MultiWorkerTest and VeoLimitClusterTest at full size).
 */
class GoogleClusterTest {
    private static final int VIDEOS = TestScale.of(4, 8), LIMIT = 2;
    private static final Pattern BLOCK_STARTED = Pattern.compile("video (\\S+) step block-1 \\(");

    @Test
    void eachBlockIsGeneratedOnceAndTheLimitHoldsEvenWhenAWorkerIsKilled() throws Exception {
        var settings = ClusterHarness.Settings.of(2)
                .withJobThreads(3)
                .withEmulator(Duration.ofSeconds(1))
                .withVeoLimit(LIMIT)
                // the workers' final renders at FastLocal's encode: this test checks billing and resumes, not the
                // encode
                .withEnv(Map.of("REELSMITH_VEO_LEASE_TTL_SECONDS", "10", FastLocal.ENV, FastLocal.VALUE));
        try (ClusterHarness cluster = ClusterHarness.start(settings)) {
            ApiClient api = new ApiClient(cluster.apiUrl()).register("google@example.com", "a long password");
            String character = api.createCharacter("Kwirlo", "a small fox with a big map");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < VIDEOS; i++) ids.add(api.startVideo(character, "veo video " + (i + 1), 1, "google"));

            // Killed while it polls a paid operation: the block's Veo operation is journaled, its clip not yet made.
            ChildJvm victim = cluster.workers().get(0);
            String interrupted =
                    victim.awaitLine(BLOCK_STARTED, Duration.ofSeconds(120)).group(1);
            await("the operation of " + interrupted + " journaled")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> count(
                                    cluster,
                                    "SELECT COUNT(*) FROM video_checkpoints WHERE video_id = '" + interrupted
                                            + "' AND fact_key LIKE 'block-1.veo.operation.%'")
                            > 0);
            victim.kill();
            // Its disk gone with it: only the store and the journal have what it did. A clip Vertex returned inline and
            // the dead worker journaled but never stored is read again from the done operation (free), not paid again.
            FileTrees.deleteTree(cluster.dataDir("worker-1"));

            // Waits while the cluster makes progress (a starved machine renders slowly, it is not stuck).
            Map<String, Integer> byStatus = cluster.awaitVideosFinished(Duration.ofSeconds(240));
            assertThat(byStatus).as(cluster.logs()).containsExactly(Map.entry("COMPLETED", VIDEOS));
            assertThat(count(cluster, "SELECT runs FROM videos WHERE id = '" + interrupted + "'"))
                    .isGreaterThanOrEqualTo(2);
            assertThat(cluster.workers().get(1).output())
                    .contains("video " + interrupted + " step character already done");
            assertThat(count(
                            cluster,
                            "SELECT COUNT(*) FROM (SELECT video_id, step FROM video_step_log WHERE event = 'finished' "
                                    + "GROUP BY video_id, step HAVING COUNT(*) > 1) twice"))
                    .as("steps finished twice")
                    .isZero();
            assertThat(cluster.awaitJobsSettled(Duration.ofSeconds(120)))
                    .containsEntry("SUCCEEDED", VIDEOS)
                    .doesNotContainKeys("ENQUEUED", "PROCESSING", "SCHEDULED");

            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(cluster.emulatorUrl() + "/_emulator/log"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode log = new ObjectMapper().readTree(r.body());
            int generated = 0;
            for (JsonNode call : log.path("calls"))
                if (call.path("kind").asText().equals("generate")
                        && call.path("billable").asBoolean()) generated++;
            // The one window that stays uncertain: a worker killed inside the HTTP round trip of a submit (here the
            // victim's other job threads). Such a submission is in the ledger as UNCERTAIN (the next run found its
            // claim without an operation), never silent.
            int uncertain = count(
                    cluster, "SELECT COUNT(*) FROM spend_entries WHERE kind = 'generate' AND status = 'UNCERTAIN'");
            assertThat(uncertain)
                    .as("uncertain submissions (at most the victim's in-flight ones)")
                    .isBetween(0, LIMIT);
            assertThat(count(
                            cluster,
                            "SELECT COUNT(*) FROM spend_entries s JOIN videos v ON v.id = s.video_id "
                                    + "WHERE s.status = 'UNCERTAIN' AND v.runs < 2"))
                    .as("uncertain entries of videos that never lost a run")
                    .isZero();
            assertThat(generated)
                    .as("billable Veo generations: one per block, plus only submissions recorded as uncertain")
                    .isBetween(VIDEOS, VIDEOS + uncertain);
            assertThat(count(
                            cluster,
                            "SELECT COUNT(*) FROM spend_entries WHERE kind = 'generate' AND status = 'CHARGED'"))
                    .as("charged generations in the ledger")
                    .isEqualTo(VIDEOS);
            assertThat(log.path("maxConcurrentOperations").asInt()).isBetween(1, LIMIT);

            cluster.assertApiServesFromStore(api, ids);
            Path downloaded = Files.createTempFile("reelsmith-final", ".mp4");
            try {
                Files.write(
                        downloaded, api.download(interrupted, "final.mp4", null).body());
                assertThat(MediaInfo.probe(downloaded).height()).isEqualTo(1920);
            } finally {
                Files.deleteIfExists(downloaded);
            }
            System.out.println("RESULT generated=" + generated + " uncertain=" + uncertain + " videos=" + VIDEOS);
        }
    }

    private static int count(ClusterHarness cluster, String sql) throws SQLException {
        try (Connection c = cluster.postgres().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}

package io.reelsmith.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelsmith.harness.ApiClient;
import io.reelsmith.harness.ChildJvm;
import io.reelsmith.harness.ClusterHarness;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The google provider on the cluster against the Gemini emulator: billed once per block, the Veo limit held. */
class GoogleClusterTest {
    private static final int VIDEOS = 8, LIMIT = 2;

    @Test
    void eachBlockIsGeneratedOnceAndTheLimitHoldsEvenWhenAWorkerIsKilled() throws Exception {
        var settings = ClusterHarness.Settings.of(2).withJobThreads(3).withEmulator(Duration.ofSeconds(1))
                .withEnv(Map.of("REELSMITH_VEO_MAX_CONCURRENT", String.valueOf(LIMIT), "REELSMITH_VEO_REQUESTS_PER_MINUTE", "1000",
                        "REELSMITH_VEO_LEASE_TTL_SECONDS", "10"));
        try (ClusterHarness cluster = ClusterHarness.start(settings)) {
            ApiClient api = new ApiClient(cluster.apiUrl()).register("google@example.com", "a long password");
            String character = api.createCharacter("Kwirlo", "a small fox with a big map");
            for (int i = 0; i < VIDEOS; i++) api.startVideo(character, "veo video " + (i + 1), 1, "google");

            ChildJvm victim = cluster.workers().get(0);
            victim.awaitLine(Pattern.compile("video (\\S+) step block-1 \\("), Duration.ofSeconds(120));
            Thread.sleep(300); // inside the block: submitted or waiting for a slot
            victim.kill();

            // Waits while the cluster makes progress (a starved machine renders slowly, it is not stuck).
            Map<String, Integer> byStatus = cluster.awaitVideosFinished(Duration.ofSeconds(240));
            int completed = byStatus.getOrDefault("COMPLETED", 0);
            assertThat(completed).as(cluster.logs()).isEqualTo(VIDEOS);

            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cluster.emulatorUrl() + "/_emulator/log")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode log = new ObjectMapper().readTree(r.body());
            int generated = 0;
            for (JsonNode call : log.path("calls")) if (call.path("kind").asText().equals("generate") && call.path("billable").asBoolean()) generated++;
            // The one window that stays uncertain: the victim killed inside the HTTP round trip of a submit. Such a
            // submission is in the ledger as UNCERTAIN (the next run found its claim without an operation), never silent.
            int uncertain;
            try (Connection c = cluster.postgres().connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM spend_entries WHERE kind = 'generate' AND status = 'UNCERTAIN'")) {
                rs.next();
                uncertain = rs.getInt(1);
            }
            assertThat(uncertain).as("uncertain submissions (at most the victim's in-flight ones)").isBetween(0, LIMIT);
            try (Connection c = cluster.postgres().connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM spend_entries s JOIN videos v ON v.id = s.video_id "
                         + "WHERE s.status = 'UNCERTAIN' AND v.runs < 2")) {
                rs.next();
                assertThat(rs.getInt(1)).as("uncertain entries of videos that never lost a run (only a killed run leaves one)").isZero();
            }
            assertThat(generated).as("billable Veo generations: one per block, plus only submissions recorded as uncertain")
                    .isBetween(VIDEOS, VIDEOS + uncertain);
            try (Connection c = cluster.postgres().connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM spend_entries WHERE kind = 'generate' AND status = 'CHARGED'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("charged generations in the ledger").isEqualTo(VIDEOS);
            }
            assertThat(log.path("maxConcurrentOperations").asInt()).isBetween(1, LIMIT);
            System.out.println("RESULT generated=" + generated + " uncertain=" + uncertain + " videos=" + VIDEOS);
            System.out.println("emulator: " + generated + " billable generations, at most " + log.path("maxConcurrentOperations").asInt() + " running at once");
        }
    }
}

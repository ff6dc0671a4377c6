package io.reelsmith.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.harness.ApiClient;
import io.reelsmith.harness.ClusterHarness;
import io.reelsmith.testkit.TestScale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The global Veo limit across processes: two workers that could run six blocks at once share a limit of
 * two operations. Each stand-in operation appends its start and end to a log outside the limiter's tables;
 * counting overlaps there shows the limit was reached and never exceeded. Only in {@code ./reelsmith bench resilience}:
 * in the suite, DbVeoLimiterTest holds the limit between two limiters on one PostgreSQL and GoogleClusterTest checks
 * that it is never exceeded across worker processes.
 */
@Tag(TestScale.BENCH)
class VeoLimitClusterTest {
    private static final int VIDEOS = 8, LIMIT = 2;

    @Test
    void twoWorkersNeverRunMoreOperationsThanTheSharedLimit() throws Exception {
        Path opsLog = Files.createTempFile("reelsmith-ops", ".log");
        var settings = ClusterHarness.Settings.of(2)
                .withJobThreads(3)
                .withBlockLatency(Duration.ofMillis(1500))
                .withVeoLimit(LIMIT)
                .withEnv(Map.of("REELSMITH_HARNESS_OPS_LOG", opsLog.toString()));
        try (ClusterHarness cluster = ClusterHarness.start(settings)) {
            ApiClient api = new ApiClient(cluster.apiUrl()).register("limits@example.com", "a long password");
            String character = api.createCharacter("Kwirlo", "a small fox with a big map");
            for (int i = 0; i < VIDEOS; i++) api.startVideo(character, "limited video " + (i + 1), 1, "local");

            assertThat(cluster.awaitVideosFinished(Duration.ofSeconds(180)))
                    .as(cluster.logs())
                    .containsExactly(Map.entry("COMPLETED", VIDEOS));
            List<long[]> ops = new ArrayList<>();
            for (String line : Files.readAllLines(opsLog)) {
                String[] p = line.split(" ");
                ops.add(new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])});
            }
            assertThat(ops).hasSize(VIDEOS); // one operation per block: none ran twice
            assertThat(maxOverlap(ops)).isEqualTo(LIMIT);
            assertThat(count(cluster, "SELECT COUNT(*) FROM \"veo_limits\".veo_operation_leases"))
                    .isZero(); // every slot given back
        } finally {
            Files.deleteIfExists(opsLog);
        }
    }

    /** The most intervals [start, end) that share one instant. */
    static int maxOverlap(List<long[]> intervals) {
        int max = 0;
        for (long[] a : intervals) {
            int n = 0;
            for (long[] b : intervals) if (b[0] <= a[0] && a[0] < b[1]) n++;
            max = Math.max(max, n);
        }
        return max;
    }

    private static int count(ClusterHarness cluster, String sql) throws Exception {
        try (Connection c = cluster.postgres().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

package io.reelsmith.cluster;

import io.reelsmith.harness.ApiClient;
import io.reelsmith.harness.ChildJvm;
import io.reelsmith.harness.ClusterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reelsmith as a cluster on one machine: PostgreSQL, an API process and two worker processes (separate
 * JVMs). Twenty one-block videos are started; one worker is killed with SIGKILL in the middle of a block;
 * every video still completes, and no finished step is run twice.
 */
class MultiWorkerTest {
    private static final int VIDEOS = 20;
    private static final Pattern BLOCK_STARTED = Pattern.compile("video (\\S+) step block-1 \\(");
    private static ClusterHarness cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ClusterHarness.start(ClusterHarness.Settings.of(2).withBlockLatency(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) cluster.close();
    }

    @Test
    void twentyVideosCompleteAcrossWorkersEvenWhenOneIsKilledMidJob() throws Exception {
        ApiClient api = new ApiClient(cluster.apiUrl()).register("agency@example.com", "a long password");
        String character = api.createCharacter("Kwirlo", "a small fox with a big map");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < VIDEOS; i++) ids.add(api.startVideo(character, "treasure hunt number " + (i + 1), 1, "local"));

        ChildJvm victim = cluster.workers().get(0);
        Matcher m = victim.awaitLine(BLOCK_STARTED, Duration.ofSeconds(120));
        String interrupted = m.group(1);
        victim.kill(); // SIGKILL while it makes that block
        assertThat(victim.isAlive()).isFalse();

        Map<String, Integer> byStatus = cluster.awaitVideosFinished(Duration.ofSeconds(240));

        assertThat(byStatus).as(cluster.logs()).containsExactly(Map.entry("COMPLETED", VIDEOS));
        assertThat(ids).contains(interrupted);
        try (Connection c = cluster.postgres().connect(); Statement st = c.createStatement()) {
            // The killed worker's video was run again by another process, which resumed it.
            ResultSet runs = st.executeQuery("SELECT runs FROM videos WHERE id = '" + interrupted + "'");
            runs.next();
            assertThat(runs.getInt(1)).isGreaterThanOrEqualTo(2);
            // No step of any video finished twice: finished work is never redone.
            ResultSet twice = st.executeQuery("SELECT video_id, step, COUNT(*) FROM video_step_log WHERE event = 'finished' "
                    + "GROUP BY video_id, step HAVING COUNT(*) > 1");
            assertThat(twice.next()).as("a step finished twice").isFalse();
            ResultSet steps = st.executeQuery("SELECT COUNT(DISTINCT video_id), COUNT(*) FROM video_step_log WHERE event = 'finished'");
            steps.next();
            assertThat(steps.getInt(1)).isEqualTo(VIDEOS);
            // Every video's JobRunr job succeeded; none is left waiting or claimed by the dead worker.
            ResultSet jobs = st.executeQuery("SELECT state, COUNT(*) FROM jobrunr_jobs GROUP BY state");
            Map<String, Integer> jobStates = new HashMap<>();
            while (jobs.next()) jobStates.put(jobs.getString(1), jobs.getInt(2));
            assertThat(jobStates).containsEntry("SUCCEEDED", VIDEOS).doesNotContainKeys("ENQUEUED", "PROCESSING", "SCHEDULED");
        }
        for (String id : ids) {
            assertThat(Files.size(cluster.dataDir().resolve("videos").resolve(id).resolve("final.mp4"))).as(id).isPositive();
        }
    }
}

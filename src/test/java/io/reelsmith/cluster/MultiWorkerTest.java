package io.reelsmith.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.harness.ApiClient;
import io.reelsmith.harness.ChildJvm;
import io.reelsmith.harness.ClusterHarness;
import io.reelsmith.kernel.FileTrees;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.testkit.TestScale;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reelsmith as a cluster of separate machines, on one: PostgreSQL, an S3-compatible store (S3Proxy), an API
 * process and two worker processes (separate JVMs), each with its own data directory. Twenty two-block videos
 * are started; one worker is killed with SIGKILL in the middle of a video's second block and its data
 * directory is deleted (the machine is gone). Every video still completes: the other worker resumes the
 * interrupted one from the journal and the store, and the API, which made none of them, serves each final.mp4.
 * Only in {@code ./reelsmith bench resilience}: the suite's GoogleClusterTest kills a worker, deletes its disk and
 * checks the same resume from the journal and the store on a smaller cluster run.
 */
@Tag(TestScale.BENCH)
class MultiWorkerTest {
    private static final int VIDEOS = 20;
    private static final Pattern SECOND_BLOCK_STARTED = Pattern.compile("video (\\S+) step block-2 \\(");
    private static ClusterHarness cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        // the victim's second blocks never end: it is killed while one runs, however loaded the machine
        cluster = ClusterHarness.start(ClusterHarness.Settings.of(2)
                .withBlockLatency(Duration.ofSeconds(2))
                .withBlockHeldOnWorker(1, 2));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) cluster.close();
    }

    @Test
    void twentyVideosCompleteAcrossWorkersWithSeparateDiskEvenWhenOneIsKilledMidVideo() throws Exception {
        ApiClient api = new ApiClient(cluster.apiUrl()).register("agency@example.com", "a long password");
        String character = api.createCharacter("Kwirlo", "a small fox with a big map");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < VIDEOS; i++)
            ids.add(api.startVideo(character, "treasure hunt number " + (i + 1), 2, "local"));

        ChildJvm victim = cluster.workers().get(0);
        Matcher m = victim.awaitLine(SECOND_BLOCK_STARTED, Duration.ofSeconds(180));
        String interrupted = m.group(1);
        victim.kill(); // SIGKILL while it makes that video's second block (held there: it never ends on this worker)
        assertThat(victim.isAlive()).isFalse();
        assertThat(victim.output()).as("a second block finished on the victim").doesNotContain("step block-2 done");
        FileTrees.deleteTree(
                cluster.dataDir("worker-1")); // its disk is gone with it: block 1 survives only in the store

        Map<String, Integer> byStatus = cluster.awaitVideosFinished(Duration.ofSeconds(300));

        assertThat(byStatus).as(cluster.logs()).containsExactly(Map.entry("COMPLETED", VIDEOS));
        assertThat(ids).contains(interrupted);
        // The survivor took block 1 of the interrupted video as done (restored from the store), never remade it.
        assertThat(cluster.workers().get(1).output()).contains("video " + interrupted + " step block-1 already done");
        try (Connection c = cluster.postgres().connect();
                Statement st = c.createStatement()) {
            ResultSet runs = st.executeQuery("SELECT runs FROM videos WHERE id = '" + interrupted + "'");
            runs.next();
            assertThat(runs.getInt(1)).isGreaterThanOrEqualTo(2);
            // No step of any video finished twice: finished work is never redone.
            ResultSet twice =
                    st.executeQuery("SELECT video_id, step, COUNT(*) FROM video_step_log WHERE event = 'finished' "
                            + "GROUP BY video_id, step HAVING COUNT(*) > 1");
            assertThat(twice.next()).as("a step finished twice").isFalse();
            ResultSet steps = st.executeQuery(
                    "SELECT COUNT(DISTINCT video_id), COUNT(*) FROM video_step_log WHERE event = 'finished'");
            steps.next();
            assertThat(steps.getInt(1)).isEqualTo(VIDEOS);
            assertThat(steps.getInt(2)).isEqualTo(VIDEOS * 6); // character, script, 2 blocks, subtitles, render
            Map<String, Integer> jobStates = cluster.awaitJobsSettled(Duration.ofSeconds(120));
            assertThat(jobStates)
                    .containsEntry("SUCCEEDED", VIDEOS)
                    .doesNotContainKeys("ENQUEUED", "PROCESSING", "SCHEDULED");
        }

        // The API serves final.mp4 from the store — it never had a file of these videos on its disk.
        Path downloaded = Files.createTempFile("reelsmith-final", ".mp4");
        try {
            HttpResponse<byte[]> whole = api.download(interrupted, "final.mp4", null);
            assertThat(whole.statusCode()).isEqualTo(200);
            Files.write(downloaded, whole.body());
            MediaInfo info = MediaInfo.probe(downloaded);
            assertThat(info.width()).isEqualTo(1080);
            assertThat(info.height()).isEqualTo(1920);
            assertThat(info.videoCodec()).isEqualTo("h264");
            assertThat(info.audioCodec()).isEqualTo("aac");
            assertThat(info.seconds()).isGreaterThan(0.9); // two half-second blocks
            // A ranged read: the part the Content-Range names, read from the store at that offset.
            HttpResponse<byte[]> part = api.download(interrupted, "final.mp4", "bytes=100-199");
            assertThat(part.statusCode()).isEqualTo(206);
            Matcher range = Pattern.compile("bytes 100-(\\d+)/" + whole.body().length)
                    .matcher(part.headers().firstValue("Content-Range").orElse(""));
            assertThat(range.matches()).as(part.headers().toString()).isTrue();
            assertThat(part.body())
                    .containsExactly(Arrays.copyOfRange(whole.body(), 100, Integer.parseInt(range.group(1)) + 1));
        } finally {
            Files.deleteIfExists(downloaded);
        }
        cluster.assertApiServesFromStore(api, ids);
        assertThat(cluster.videoFiles("worker-2"))
                .as("scratch left on the worker's disk")
                .isEmpty();
    }
}

package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.config.ConfigLoader;
import io.reelsmith.config.ReelsmithConfig;
import io.reelsmith.service.Service;
import io.reelsmith.testkit.ServiceSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} without a job server plus a separate {@code worker} on the same database and data directory
 * (here both in one JVM, which is how one H2 file can be shared): the API only queues, the worker makes it.
 */
class WorkerSplitTest {
    @TempDir
    Path data;

    @Test
    void anApiWithoutJobServerLeavesTheVideoToTheWorker() throws Exception {
        Instrumented fake = new Instrumented(FakeStages.providers());
        try (TestServer api = new TestServer(data, fake.providers(), Map.of(), false)) {
            String token = api.newUser();
            String character = api.newCharacter(token, "Split");
            String video = api.newVideo(token, "teamwork", character, 1);
            api.json("POST", "/api/v1/videos/" + video + "/start", token, null);
            Thread.sleep(6000); // proves nothing happens: more than a poll interval, and nothing here runs jobs
            assertThat(api.videoStatus(token, video)).isEqualTo("queued");
            assertThat(fake.blockCalls.get()).isZero();

            try (Service worker = Service.start(workerConfig(), fake.providers(), false, true)) {
                VideoFlowTest.followEvents(api, token, video);
            }
            assertThat(api.videoStatus(token, video)).isEqualTo("completed");
            assertThat(fake.blockCalls.get()).isEqualTo(1);
        }
    }

    /** What `reelsmith worker --data-dir DATA` reads: same database and key, no ports of its own. */
    private ReelsmithConfig workerConfig() {
        return ConfigLoader.load(null, Map.of(), ServiceSettings.of(data)); // its HTTP port goes unused: no API
    }
}

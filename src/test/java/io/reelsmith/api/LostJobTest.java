package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that dies after marking a video queued but before creating its JobRunr job must not leave the
 * video queued for ever: the next start re-enqueues it under its recorded job id, and it completes.
 */
class LostJobTest {
    @TempDir
    Path data;

    @Test
    void aQueuedVideoWithoutAJobIsPickedUpOnTheNextStart() throws Exception {
        Instrumented fake = new Instrumented(FakeStages.providers());
        String token, video;
        try (TestServer first = new TestServer(data, fake.providers(), Map.of())) {
            token = first.newUser();
            String character = first.newCharacter(token, "Lost");
            video = first.newVideo(token, "a lost job", character, 1);
            // What a crash between the two writes of POST /start leaves: queued, with a job id JobRunr never saw.
            first.db()
                    .useHandle(h -> h.createUpdate("UPDATE videos SET status = 'QUEUED', job_id = ? WHERE id = ?")
                            .bind(0, UUID.randomUUID().toString())
                            .bind(1, video)
                            .execute());
        }
        try (TestServer second = new TestServer(data, fake.providers(), Map.of())) {
            VideoFlowTest.followEvents(second, token, video);
            assertThat(second.videoStatus(token, video)).isEqualTo("completed");
            assertThat(fake.blockCalls.get()).isEqualTo(1);
        }
    }
}

package io.reelsmith.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** reelsmith.jobs.media.nice: a media run started at the set priority, the process itself untouched. */
class FfmpegPriorityTest {
    @Test
    void mediaRunsStartAtTheSetPriority() throws IOException {
        // `nice` with no argument prints the priority it runs at (the test JVM's own, unless one is set)
        String own = Ffmpeg.exec(List.of("nice"), 10).strip();
        try {
            Ffmpeg.niceness(19);
            assertThat(Ffmpeg.exec(List.of("nice"), 10).strip()).isEqualTo("19");
        } finally {
            Ffmpeg.niceness(0);
        }
        assertThat(Ffmpeg.exec(List.of("nice"), 10).strip()).isEqualTo(own);
    }

    @Test
    void aPriorityOutsideNicesRangeIsRefused() {
        assertThatThrownBy(() -> Ffmpeg.niceness(20)).hasMessageContaining("0..19");
        assertThatThrownBy(() -> Ffmpeg.niceness(-1)).hasMessageContaining("0..19");
    }
}

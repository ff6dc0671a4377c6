package io.reelsmith.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's facts of final.mp4 come from its index, and say what ffprobe says, without running it. */
class Mp4FactsTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatFfprobeReadsFromTheIndexAtEitherEnd() throws IOException {
        for (boolean indexFirst : new boolean[] {true, false}) {
            Path mp4 = dir.resolve("clip-" + indexFirst + ".mp4");
            Ffmpeg cmd = Ffmpeg.command()
                    .lavfi("color=c=red:s=180x320:d=1.3:r=30")
                    .lavfi("sine=f=440:d=1.3")
                    .h264("ultrafast", 35)
                    .aac(64);
            if (indexFirst) cmd.args("-movflags", "+faststart");
            cmd.args("-shortest").output(mp4).run();
            MediaInfo probed = MediaInfo.probe(mp4);

            AtomicInteger runs = new AtomicInteger();
            Ffmpeg.listen((label, nanos) -> runs.incrementAndGet());
            Mp4Facts facts;
            try {
                facts = Mp4Facts.read(mp4);
            } finally {
                Ffmpeg.listen(null);
            }

            assertThat(runs).as("media processes started").hasValue(0);
            assertThat(facts.seconds()).isCloseTo(probed.seconds(), within(0.0015));
            assertThat(facts.width()).isEqualTo(probed.width()).isEqualTo(180);
            assertThat(facts.height()).isEqualTo(probed.height()).isEqualTo(320);
            assertThat(facts.videoCodec()).isEqualTo(probed.videoCodec()).isEqualTo("h264");
            assertThat(facts.audioCodec()).isEqualTo(probed.audioCodec()).isEqualTo("aac");
        }
    }

    @Test
    void aFileThatIsNotAnMp4IsAClearError() throws IOException {
        Path text = Files.writeString(dir.resolve("final.mp4"), "not a video at all");
        assertThatThrownBy(() -> Mp4Facts.read(text))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no moov box");
    }
}

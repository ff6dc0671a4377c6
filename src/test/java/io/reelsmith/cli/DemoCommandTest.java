package io.reelsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.kernel.MediaInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's first command, `./reelsmith demo`, end to end (one block to stay short): it builds make's command by
 * hand, so make's option defaults must hold without picocli (a plan left null once failed every demo).
 */
class DemoCommandTest {
    @Test
    void theDemoMakesAVerticalVideoWithSound(@TempDir Path dir) throws Exception {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), "demo", "--blocks", "1", "--out", dir.toString());
        assertThat(code).as(err.toString()).isZero();
        MediaInfo made = MediaInfo.probe(dir.resolve("final.mp4"));
        assertThat(made.width()).isEqualTo(1080);
        assertThat(made.height()).isEqualTo(1920);
        assertThat(made.videoCodec()).isEqualTo("h264");
        assertThat(made.audioCodec()).isEqualTo("aac");
        assertThat(made.seconds()).isBetween(7.5, 9.0);
    }
}

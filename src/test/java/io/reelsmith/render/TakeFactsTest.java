package io.reelsmith.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaException;
import io.reelsmith.kernel.MediaInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one run that reads a take before its encode: what ffprobe used to tell the render, and the loudness. */
class TakeFactsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheVideosLengthAndRateAsFfprobeDoesWhenTheSoundRunsLonger() throws Exception {
        Path take = take("long-sound.mp4", "testsrc2=s=360x640:r=24:d=5", "sine=f=300:r=48000:d=5.4");
        TakeFacts facts = TakeFacts.read(take);
        MediaInfo probe = MediaInfo.probe(take);
        assertThat(facts.videoSeconds()).isCloseTo(probe.videoSeconds(), within(0.001));
        assertThat(facts.videoSeconds()).isCloseTo(5.0, within(0.001));
        assertThat(facts.fps()).isCloseTo(probe.fps(), within(0.01));
        assertThat(facts.hasAudio()).isTrue();
        assertThat(facts.loudness().integrated()).isBetween(-30.0, -10.0);
    }

    @Test
    void aNtscRateAndNoSound() throws Exception {
        Path take = take("ntsc.mp4", "testsrc2=s=360x640:r=30000/1001:d=3", null);
        TakeFacts facts = TakeFacts.read(take);
        assertThat(facts.fps()).isCloseTo(MediaInfo.probe(take).fps(), within(0.01));
        assertThat(facts.videoSeconds()).isCloseTo(MediaInfo.probe(take).videoSeconds(), within(0.001));
        assertThat(facts.hasAudio()).isFalse();
        assertThat(facts.loudness()).isNull();
    }

    @Test
    void aTakeWithoutPictureIsAClearError() throws Exception {
        Path wav = dir.resolve("sound.wav");
        Ffmpeg.command().lavfi("sine=d=1").output(wav).run();
        assertThatThrownBy(() -> TakeFacts.read(wav))
                .isInstanceOf(MediaException.class)
                .hasMessage("sound.wav has no video stream");
    }

    @Test
    void theRenderStartsOneFfmpegBeforeItsEncodeAndNoFfprobe() throws Exception {
        Path take = take("quiet.mp4", "testsrc2=s=360x640:r=24:d=2", "sine=f=300:r=48000:d=2,volume=-30dB");
        List<String> runs = new ArrayList<>();
        Ffmpeg.listen((label, nanos) -> runs.add(label));
        try {
            new FinalRenderer("ultrafast", 35)
                    .render(take, null, dir.resolve("out").resolve("final.mp4"));
        } finally {
            Ffmpeg.listen(null);
        }
        // a quiet tone: one gain does it, no pass through the limiter
        assertThat(runs).containsExactly("read take + loudness", "encode + cover");
    }

    private Path take(String name, String picture, String sound) throws Exception {
        Path take = dir.resolve(name);
        Ffmpeg cmd = Ffmpeg.command().lavfi(picture);
        if (sound != null) cmd.lavfi(sound).map("0:v", "1:a").aac(96);
        cmd.h264("ultrafast", 35).output(take).run();
        return take;
    }
}

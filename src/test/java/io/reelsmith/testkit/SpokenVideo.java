package io.reelsmith.testkit;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.speech.Espeak;
import io.reelsmith.speech.Speech;
import io.reelsmith.speech.Voice;
import java.io.IOException;
import java.nio.file.Path;

/** A short H.264/AAC video of a plain {@code color} (FFmpeg's lavfi source options) with espeak saying a text. */
public record SpokenVideo(Path file, Speech speech) {
    public static SpokenVideo make(String text, int speaker, String color, Path dir) throws IOException {
        Speech said = Espeak.get().speak(text, Voice.forSpeaker("en", speaker), dir.resolve("said.wav"));
        Path mp4 = dir.resolve("take.mp4");
        Ffmpeg.command()
                .lavfi("color=" + color)
                .input(said.wav())
                .map("0:v", "1:a")
                .args("-shortest")
                .h264("ultrafast", 30)
                .aac(96)
                .output(mp4)
                .run();
        return new SpokenVideo(mp4, said);
    }
}

package io.reelsmith.subtitle.align;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.speech.Espeak;
import io.reelsmith.speech.Voice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhisperTimerTest {
    @TempDir
    static Path shared;

    static Path speech;

    @BeforeAll
    static void speak() throws Exception {
        speech = Espeak.get()
                .speak("Hello there.", Voice.forSpeaker("en", 0), shared.resolve("s.wav"))
                .wav();
    }

    @Test
    void aMissingModelIsAClearError(@TempDir Path dir) {
        assertTimingFailsWith(dir.resolve("nope.bin"))
                .hasMessageContaining("nope.bin does not exist")
                .hasMessageContaining("models download whisper-base");
    }

    @Test
    void aFileThatIsNotAModelIsAClearError(@TempDir Path dir) throws Exception {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        Path model = Files.write(dir.resolve("ggml-base.bin"), junk);

        assertTimingFailsWith(model).hasMessageContaining("corrupt");
    }

    @Test
    void aTruncatedModelThatWhisperRefusesIsAClearErrorNotANull(@TempDir Path dir) throws Exception {
        // the right magic number, then garbage: whisper.cpp's loader gets past the first check and gives up
        byte[] head = new byte[64];
        head[0] = 'l';
        head[1] = 'm';
        head[2] = 'g';
        head[3] = 'g';
        Path model = Files.write(dir.resolve("ggml-base.bin"), head);

        assertTimingFailsWith(model).hasMessageContaining("could not load the model");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertTimingFailsWith(Path model) {
        return assertThatThrownBy(() -> new WhisperTimer(model).time(speech, null, "en"))
                .isInstanceOf(WordTimingException.class);
    }
}

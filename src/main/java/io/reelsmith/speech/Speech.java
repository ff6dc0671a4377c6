package io.reelsmith.speech;

import io.reelsmith.kernel.Word;
import java.nio.file.Path;
import java.util.List;

/** A synthesised utterance: a mono 16-bit WAV file and the exact time of each word in it. */
public record Speech(Path wav, int sampleRate, double seconds, List<Word> words) {
    public Speech {
        words = List.copyOf(words);
    }
}

package io.reelsmith.video;

import io.reelsmith.kernel.Word;
import java.nio.file.Path;
import java.util.List;

/**
 * The one continuous take (video + audio) before subtitles. {@code words} holds exact word times from the
 * start of the take when the provider knows them (the animatic's TTS); empty means they must be recovered
 * from the audio by the subtitle stage.
 */
public record Take(Path file, double seconds, List<Word> words) {
    public Take {
        words = words == null ? List.of() : List.copyOf(words);
    }

    public boolean hasExactWords() {
        return !words.isEmpty();
    }
}

package io.reelsmith.subtitle;

import io.reelsmith.kernel.Word;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Port: when is each word heard in a video or audio file. {@code knownText} is what should be said (the
 * script's dialogue) or null when unknown. Returns words in spoken order, times in seconds from the start
 * of the media. Adapters: forced alignment (pocketsphinx), Whisper, and a reconciler that combines them.
 */
public interface WordTimer {
    /** A short name recorded in manifest.json ("tts-events", "pocketsphinx-align", "whisper", …). */
    String name();

    List<Word> time(Path media, String knownText, String language) throws IOException;

    /**
     * The words and the stretches of speech left uncaptioned. A timer that captions all it hears (a recogniser)
     * has none; forced alignment reports the speech its script did not cover.
     */
    default TimedWords timeSpeech(Path media, String knownText, String language) throws IOException {
        return new TimedWords(time(media, knownText, language), List.of());
    }
}

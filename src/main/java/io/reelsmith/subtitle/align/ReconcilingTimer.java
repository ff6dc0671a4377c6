package io.reelsmith.subtitle.align;

import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.WordTimer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A recogniser whose transcript is reconciled with the script when there is one: the audio's times, the
 * script's spelling (character names!), and words said off-script kept as heard.
 */
public record ReconcilingTimer(WordTimer recognizer) implements WordTimer {
    @Override
    public String name() {
        return recognizer.name() + "+script";
    }

    @Override
    public List<Word> time(Path media, String knownText, String language) throws IOException {
        List<Word> heard = recognizer.time(media, knownText, language);
        if (knownText == null || knownText.isBlank()) return heard;
        return Reconciler.reconcile(heard, ScriptWords.split(knownText));
    }
}

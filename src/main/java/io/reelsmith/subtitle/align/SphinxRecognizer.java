package io.reelsmith.subtitle.align;

import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.align.Pocketsphinx.Hit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Free transcription with pocketsphinx's general English model: the offline fallback when no script and no
 * Whisper model are at hand. Accuracy is modest (see docs/benchmarks.md); the known text is ignored.
 */
public final class SphinxRecognizer extends PocketsphinxTimer {
    public static final String NAME = "pocketsphinx-recognize";

    public SphinxRecognizer(SpeechModels models) {
        super(NAME, new Pocketsphinx(models.sphinxModel(), models.keepWork()));
    }

    @Override
    public List<Word> time(Path media, String knownText, String language) throws IOException {
        if (!"en".equals(language))
            throw new WordTimingException("pocketsphinx recognises English only, not '" + language
                    + "'; configure a Whisper model (REELSMITH_WHISPER_MODEL)");
        return SpeechAudio.inScratch(media, sphinx.keepWork(), (wav, work) -> {
            List<Word> out = new ArrayList<>();
            for (Hit h : sphinx.recognize(wav, work))
                out.add(new Word(h.word(), h.start(), Math.max(h.start(), h.end())));
            return out;
        });
    }
}

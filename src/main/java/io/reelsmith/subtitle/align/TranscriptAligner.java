package io.reelsmith.subtitle.align;

import io.reelsmith.subtitle.Word;
import io.reelsmith.subtitle.WordTimer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Word times for a recogniser that only knows roughly when its words are (whisper-jni gives segment times):
 * its transcript is force-aligned to the audio as if it were the script. Words the aligner could not place
 * keep the recogniser's own time. Where a script is known, the aligned transcript is then reconciled with it.
 */
public final class TranscriptAligner implements WordTimer {
    private final WordTimer recognizer;
    private final SphinxAligner aligner;

    public TranscriptAligner(WordTimer recognizer, SphinxAligner aligner) {
        this.recognizer = recognizer;
        this.aligner = aligner;
    }

    @Override
    public String name() {
        return recognizer.name() + "+align";
    }

    @Override
    public List<Word> time(Path media, String knownText, String language) throws IOException {
        List<Word> heard = recognizer.time(media, knownText, language);
        if (heard.isEmpty()) return heard;
        StringBuilder transcript = new StringBuilder();
        for (Word w : heard) transcript.append(transcript.isEmpty() ? "" : " ").append(w.text());
        List<Word> aligned = aligner.time(media, transcript.toString(), language);
        List<Word> timed = new ArrayList<>();
        // the aligner returns a subsequence of the transcript, in order: walk both
        int a = 0;
        for (Word h : heard) {
            if (a < aligned.size() && aligned.get(a).text().equals(h.text())) timed.add(aligned.get(a++));
            else timed.add(h);
        }
        return knownText == null || knownText.isBlank() ? timed : Reconciler.reconcile(timed, ScriptWords.split(knownText));
    }
}

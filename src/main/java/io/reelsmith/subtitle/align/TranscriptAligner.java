package io.reelsmith.subtitle.align;

import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.TimedWords;
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
public record TranscriptAligner(WordTimer recognizer, SphinxAligner aligner) implements WordTimer {
    @Override
    public String name() {
        return recognizer.name() + "+align";
    }

    @Override
    public List<Word> time(Path media, String knownText, String language) throws IOException {
        return timeSpeech(media, knownText, language).words();
    }

    /**
     * Script words the recogniser did not hear are left out: its transcript, force-aligned, says where the speech
     * is, and a script word squeezed into a pause would be a caption for nothing. Speech the transcript missed
     * shows as the aligner's uncaptioned stretches.
     */
    @Override
    public TimedWords timeSpeech(Path media, String knownText, String language) throws IOException {
        List<Word> heard = recognizer.time(media, knownText, language);
        if (heard.isEmpty()) return new TimedWords(heard, List.of());
        StringBuilder transcript = new StringBuilder();
        for (Word w : heard) transcript.append(transcript.isEmpty() ? "" : " ").append(w.text());
        TimedWords alignment = aligner.timeSpeech(media, transcript.toString(), language);
        List<Word> timed = placeUnaligned(ScriptWords.split(transcript.toString()), alignment.words());
        List<Word> words = knownText == null || knownText.isBlank()
                ? timed
                : Reconciler.reconcile(timed, ScriptWords.split(knownText), false);
        return new TimedWords(words, alignment.uncaptioned());
    }

    /**
     * The aligner returns a subsequence of the transcript's words, in order. A word it left out gets the room
     * between its aligned neighbours when there is some (0.1 s a word), else it is dropped: the recogniser's own
     * time for it is a guess (Gemini gives none, whisper-jni only a segment's).
     */
    static List<Word> placeUnaligned(List<ScriptWords.ScriptWord> said, List<Word> aligned) {
        Word[] at = new Word[said.size()];
        int a = 0;
        for (int k = 0; k < said.size() && a < aligned.size(); k++) {
            if (aligned.get(a).text().equals(said.get(k).text())) at[k] = aligned.get(a++);
        }
        List<Word> out = new ArrayList<>();
        for (int k = 0; k < said.size(); ) {
            if (at[k] != null) {
                out.add(at[k++]);
                continue;
            }
            int end = k;
            while (end < said.size() && at[end] == null) end++;
            double from = out.isEmpty() ? -1 : out.get(out.size() - 1).end(),
                    to = end < said.size() ? at[end].start() : -1;
            if (from >= 0 && to >= 0 && to - from >= 0.1 * (end - k))
                out.addAll(Reconciler.spread(said.subList(k, end), from, to));
            k = end;
        }
        return out;
    }
}

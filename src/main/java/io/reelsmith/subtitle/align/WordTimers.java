package io.reelsmith.subtitle.align;

import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.TimedWords;
import io.reelsmith.subtitle.WordTimer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the best word timer available for a language, with or without the script:
 * <ul>
 *   <li>script known, English: pocketsphinx forced alignment (measured best, docs/benchmarks.md), else Whisper
 *       with its transcript aligned and reconciled with the script;</li>
 *   <li>script known, other languages: Whisper, transcript aligned and reconciled with the script, else
 *       pocketsphinx alignment with espeak-ng's pronunciations mapped onto the English acoustic model;</li>
 *   <li>no script: Whisper with its transcript aligned for word times, else pocketsphinx recognition (English only).</li>
 * </ul>
 * {@link #auto()} is a timer that makes this choice on every call, falls back to the next candidate when one
 * fails, and reports through {@link WordTimer#name()} the adapter it actually used (for manifest.json).
 */
public final class WordTimers {
    private WordTimers() {}

    /** Candidates in order of preference; empty when nothing is installed or configured. */
    public static List<WordTimer> candidates(String language, boolean scriptKnown, SpeechModels models) {
        List<WordTimer> out = new ArrayList<>();
        SphinxAligner aligner = new SphinxAligner(models);
        Optional<WordTimer> whisper = models.whisper().map(m -> new WhisperTimer(m));
        if (scriptKnown) {
            if ("en".equals(language) && aligner.available()) out.add(aligner);
            whisper.map(w -> aligner.available() ? new TranscriptAligner(w, aligner) : new ReconcilingTimer(w))
                    .ifPresent(out::add);
            if (!"en".equals(language) && aligner.available()) out.add(aligner);
        } else {
            out.addAll(recognizers(language, models));
        }
        return out;
    }

    /** Timers that work without the script, best first. */
    public static List<WordTimer> recognizers(String language, SpeechModels models) {
        List<WordTimer> out = new ArrayList<>();
        SphinxAligner aligner = new SphinxAligner(models);
        models.whisper()
                .map(m -> new WhisperTimer(m))
                .ifPresent(w -> out.add(aligner.available() ? new TranscriptAligner(w, aligner) : w));
        SphinxRecognizer sphinx = new SphinxRecognizer(models);
        if ("en".equals(language) && sphinx.available()) out.add(sphinx);
        return out;
    }

    /** A timer with the default models (tests, benches without configuration). */
    public static WordTimer auto() {
        return auto(SpeechModels.DEFAULTS);
    }

    public static WordTimer auto(SpeechModels models) {
        return new Auto(null, null, models);
    }

    /**
     * Like {@link #auto()}, but a recogniser that says what the speech is (Gemini's transcription) is tried first:
     * its transcript is force-aligned for word times and reconciled with the script, so speech the script lacks is
     * captioned too. If it fails, {@code fallback} (null: the usual candidates) does the work.
     */
    public static WordTimer preferring(WordTimer recognizer, WordTimer fallback, SpeechModels models) {
        return new Auto(recognizer, fallback, models);
    }

    /**
     * Picks per call; remembers, per thread, which adapter produced the last result, so one instance can serve
     * jobs running side by side as long as each reads {@code name()} on the thread that called {@code time()}.
     */
    private static final class Auto implements WordTimer {
        private final ThreadLocal<String> used = ThreadLocal.withInitial(() -> "auto");
        private final WordTimer recognizer, fallback;
        private final SpeechModels models;

        Auto(WordTimer recognizer, WordTimer fallback, SpeechModels models) {
            this.recognizer = recognizer;
            this.fallback = fallback;
            this.models = models;
        }

        @Override
        public String name() {
            return used.get();
        }

        @Override
        public List<Word> time(Path media, String knownText, String language) throws IOException {
            return timeSpeech(media, knownText, language).words();
        }

        @Override
        public TimedWords timeSpeech(Path media, String knownText, String language) throws IOException {
            boolean scriptKnown = knownText != null && !knownText.isBlank();
            List<WordTimer> candidates = new ArrayList<>();
            SphinxAligner aligner = new SphinxAligner(models);
            if (recognizer != null)
                candidates.add(
                        aligner.available()
                                ? new TranscriptAligner(recognizer, aligner)
                                : new ReconcilingTimer(recognizer));
            if (fallback != null) candidates.add(fallback);
            else candidates.addAll(candidates(language, scriptKnown, models));
            if (candidates.isEmpty()) {
                throw new WordTimingException(
                        "no word timer for language '" + language + "'" + (scriptKnown ? "" : " without a script")
                                + ": install pocketsphinx and pocketsphinx-en-us (English) or set reelsmith.whisper.model / REELSMITH_WHISPER_MODEL (./reelsmith models download whisper-base)");
            }
            WordTimingException last = null;
            for (WordTimer t : candidates) {
                try {
                    TimedWords words = t.timeSpeech(media, knownText, language);
                    used.set(t.name());
                    return words;
                } catch (WordTimingException e) {
                    last = e; // e.g. a corrupt Whisper model: the next candidate may still work
                }
            }
            throw last;
        }
    }
}

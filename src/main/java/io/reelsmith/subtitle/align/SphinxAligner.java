package io.reelsmith.subtitle.align;

import io.reelsmith.subtitle.Word;
import io.reelsmith.subtitle.WordTimer;
import io.reelsmith.subtitle.align.Pocketsphinx.Hit;
import io.reelsmith.subtitle.align.Pocketsphinx.Window;
import io.reelsmith.subtitle.align.ScriptWords.ScriptWord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Forced alignment of a known text with pocketsphinx: finds when each script word is said.
 *
 * <p>Pass 1 aligns the whole text to the whole file with a grammar that tolerates skipped words and
 * sentences ({@link AlignmentGrammar}). If pocketsphinx cannot match it at all (speech departing too far,
 * heavy effects), pass 2 works in chunks: free recognition finds anchor words, each sentence is aligned
 * inside the window its anchors give, and a sentence that still fails keeps its anchors' times.
 * Output words carry the script's spelling and punctuation.
 */
public final class SphinxAligner implements WordTimer {
    public static final String NAME = "pocketsphinx-align";
    /** A sentence longer than this is aligned in pieces in pass 2. */
    private static final int MAX_CHUNK_WORDS = 20;
    /** How far around its anchors a sentence may extend, per unanchored word. */
    private static final double SECONDS_PER_WORD = 0.45, MARGIN = 0.3;
    /** A recognised word this close to a script word serves as an anchor. */
    private static final double ANCHOR_DISTANCE = 0.34;

    private final Pocketsphinx sphinx;

    public SphinxAligner() {
        this(Pocketsphinx.fromEnvironment());
    }

    SphinxAligner(Pocketsphinx sphinx) {
        this.sphinx = sphinx;
    }

    public boolean available() {
        return sphinx.available();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Word> time(Path media, String knownText, String language) throws IOException {
        if (knownText == null || knownText.isBlank()) throw new IllegalArgumentException("forced alignment needs the text that is spoken");
        List<ScriptWord> words = ScriptWords.split(knownText);
        if (words.isEmpty()) return List.of();
        Path work = Files.createTempDirectory("reelsmith-align");
        try {
            Path wav = SpeechAudio.extract(media, work.resolve("speech.wav"));
            double seconds = SpeechAudio.seconds(wav);
            Path dict = writeDictionary(words, Pronouncer.forLanguage(sphinx.cmuDict(), language), work.resolve("script.dict"));
            List<int[]> sentences = sentences(words);
            List<Hit> whole = sphinx.align(wav, dict, List.of(new Window(0, seconds, AlignmentGrammar.fsg(0, words.size(), sentences))),
                    work.resolve("pass1")).get(0);
            if (whole != null && !whole.isEmpty()) return toWords(words, whole);
            return inChunks(wav, seconds, dict, words, sentences, work);
        } finally {
            if (System.getenv("REELSMITH_KEEP_ALIGN_WORK") == null) deleteTree(work); // kept to debug a bad alignment
        }
    }

    /** Pass 2: anchors from free recognition, then each sentence aligned in its own window. */
    private List<Word> inChunks(Path wav, double seconds, Path dict, List<ScriptWord> words, List<int[]> sentences, Path work) throws IOException {
        Word[] anchors = anchors(sphinx.recognize(wav, work.resolve("rec")), words);
        List<Window> windows = new ArrayList<>();
        List<int[]> aligned = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            int[] r = sentences.get(s);
            double lo = s == 0 ? 0 : lastAnchorEnd(anchors, 0, r[0]);
            double hi = s + 1 == sentences.size() ? seconds : firstAnchorStart(anchors, r[1], words.size(), seconds);
            int first = -1, last = -1;
            for (int i = r[0]; i < r[1]; i++) if (anchors[i] != null) { if (first < 0) first = i; last = i; }
            double from = lo, to = hi;
            if (first >= 0) {
                from = Math.max(lo, anchors[first].start() - MARGIN - SECONDS_PER_WORD * (first - r[0]));
                to = Math.min(hi, anchors[last].end() + MARGIN + SECONDS_PER_WORD * (r[1] - 1 - last));
            }
            if (to - from < 0.1 * (r[1] - r[0])) continue; // no room: this sentence was not said
            windows.add(new Window(from, to, AlignmentGrammar.fsg(r[0], r[1], List.of(r))));
            aligned.add(r);
        }
        List<List<Hit>> results = sphinx.align(wav, dict, windows, work.resolve("pass2"));
        List<Word> out = new ArrayList<>();
        for (int k = 0; k < results.size(); k++) {
            List<Hit> hits = results.get(k);
            if (hits != null) out.addAll(toWords(words, hits));
            else for (int i = aligned.get(k)[0]; i < aligned.get(k)[1]; i++) if (anchors[i] != null) out.add(anchors[i]);
        }
        return ordered(out);
    }

    private static Word[] anchors(List<Hit> heard, List<ScriptWord> words) {
        List<String> keys = heard.stream().map(h -> ScriptWords.key(h.word())).toList();
        Word[] anchors = new Word[words.size()];
        for (Reconciler.Link l : Reconciler.align(keys, words.stream().map(ScriptWord::key).toList())) {
            if (l.hTo() - l.hFrom() == 1 && l.sTo() - l.sFrom() == 1 && l.distance() <= ANCHOR_DISTANCE) {
                Hit h = heard.get(l.hFrom());
                anchors[l.sFrom()] = new Word(words.get(l.sFrom()).text(), h.start(), h.end());
            }
        }
        return anchors;
    }

    private static double lastAnchorEnd(Word[] anchors, int from, int to) {
        for (int i = to - 1; i >= from; i--) if (anchors[i] != null) return anchors[i].end();
        return 0;
    }

    private static double firstAnchorStart(Word[] anchors, int from, int to, double otherwise) {
        for (int i = from; i < to; i++) if (anchors[i] != null) return anchors[i].start();
        return otherwise;
    }

    private static List<Word> toWords(List<ScriptWord> words, List<Hit> hits) {
        List<Word> out = new ArrayList<>();
        for (Hit h : hits) {
            if (!h.word().startsWith("p")) continue;
            int i = Integer.parseInt(h.word().substring(1));
            out.add(new Word(words.get(i).text(), h.start(), Math.max(h.start(), h.end())));
        }
        return out;
    }

    /** Sorted by start, and no word ends after the next one starts. */
    private static List<Word> ordered(List<Word> words) {
        List<Word> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble(Word::start));
        List<Word> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Word w = sorted.get(i);
            if (i + 1 < sorted.size() && w.end() > sorted.get(i + 1).start()) w = new Word(w.text(), w.start(), Math.max(w.start(), sorted.get(i + 1).start()));
            out.add(w);
        }
        return out;
    }

    /** Sentence ranges [start, end) of word positions: split after . ! ? … ; : and every MAX_CHUNK_WORDS words. */
    static List<int[]> sentences(List<ScriptWord> words) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < words.size(); i++) {
            boolean end = words.get(i).text().matches(".*[.!?…;:]+[\"”»')]*$") || i - start + 1 >= MAX_CHUNK_WORDS;
            if (end || i + 1 == words.size()) {
                out.add(new int[]{start, i + 1});
                start = i + 1;
            }
        }
        return out;
    }

    /** One entry per script position (p0, p1 …) with every pronunciation of its word. */
    private static Path writeDictionary(List<ScriptWord> words, Pronouncer pronouncer, Path file) throws IOException {
        StringBuilder sb = new StringBuilder(AlignmentGrammar.loopDictionary());
        java.util.Map<String, List<String>> seen = new java.util.HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            List<String> prons = seen.computeIfAbsent(words.get(i).key(), pronouncer::pronounce);
            for (int v = 0; v < prons.size(); v++) {
                sb.append(AlignmentGrammar.word(i)).append(v == 0 ? "" : "(" + (v + 1) + ")").append(' ').append(prons.get(v)).append('\n');
            }
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is not worth failing a finished alignment
        }
    }
}

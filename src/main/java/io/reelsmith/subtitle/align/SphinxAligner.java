package io.reelsmith.subtitle.align;

import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.TimedWords;
import io.reelsmith.subtitle.align.Pocketsphinx.Hit;
import io.reelsmith.subtitle.align.Pocketsphinx.Window;
import io.reelsmith.subtitle.align.ScriptWords.ScriptWord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Forced alignment of a known text with pocketsphinx: finds when each script word is said.
 *
 * <p>Pass 1 aligns the whole text to the whole file with a grammar that tolerates skipped words and
 * sentences ({@link AlignmentGrammar}): first without the phone loop (cheapest), again with it if a word came
 * out implausibly long (off-script speech stretched into it), and with the widest search if the grammar could
 * not be matched at all; script words it left out before the first found word or after the last are checked again
 * alone ({@link EdgeWords}). Pass 2, the fallback, works in chunks: free recognition finds anchor words, the text
 * is cut between anchored sentences and each chunk is aligned in its own stretch of audio; a chunk that still
 * fails keeps its anchors' times. (Anchors come from the English recogniser, so pass 2 helps English most.)
 * Output words carry the script's spelling and punctuation.
 */
public final class SphinxAligner extends PocketsphinxTimer {
    public static final String NAME = "pocketsphinx-align";
    /** A sentence longer than this is aligned in pieces in pass 2. */
    private static final int MAX_CHUNK_WORDS = 20;
    /** Typical time a word takes: places the cut between two sentences whose edge words are not anchors. */
    private static final double SECONDS_PER_WORD = 0.35;
    /** A recognised word this close to a script word serves as an anchor. */
    private static final double ANCHOR_DISTANCE = 0.34;

    /** False only in tests, to exercise the chunked pass on audio where the whole pass would succeed. */
    private final boolean wholeFirst;

    /** With Debian's model (tests, benches). */
    public SphinxAligner() {
        this(SpeechModels.DEFAULTS);
    }

    public SphinxAligner(SpeechModels models) {
        this(new Pocketsphinx(models.sphinxModel(), models.keepWork()), true);
    }

    SphinxAligner(Pocketsphinx sphinx, boolean wholeFirst) {
        super(NAME, sphinx);
        this.wholeFirst = wholeFirst;
    }

    @Override
    public List<Word> time(Path media, String knownText, String language) throws IOException {
        return timeSpeech(media, knownText, language).words();
    }

    @Override
    public TimedWords timeSpeech(Path media, String knownText, String language) throws IOException {
        if (knownText == null || knownText.isBlank())
            throw new IllegalArgumentException("forced alignment needs the text that is spoken");
        List<ScriptWord> words = ScriptWords.split(knownText);
        if (words.isEmpty()) return new TimedWords(List.of(), List.of());
        return SpeechAudio.inScratch(media, sphinx.keepWork(), (wav, work) -> align(wav, work, words, language));
    }

    private TimedWords align(Path wav, Path work, List<ScriptWord> words, String language) throws IOException {
        double seconds = SpeechAudio.seconds(wav);
        int[] phones = new int[words.size()];
        Path dict = writeDictionary(
                words, Pronouncer.forLanguage(sphinx.cmuDict(), language), work.resolve("script.dict"), phones);
        List<int[]> sentences = sentences(words);
        SecondLook.Decoder second = widest -> sphinx.align(
                        wav,
                        dict,
                        List.of(new Window(0, seconds, AlignmentGrammar.secondLook(0, words.size(), sentences))),
                        work.resolve(widest ? "second-widest" : "second"),
                        widest)
                .get(0);
        if (wholeFirst) {
            EdgeWords edges = new EdgeWords(sphinx, wav, seconds, dict, words, phones, work);
            // 1a: no phone loop, no phrase skips: cheapest, and enough when the speech follows the script
            if (!ALWAYS_LOOP) {
                List<Hit> fast = sphinx.align(
                                wav,
                                dict,
                                List.of(new Window(
                                        0, seconds, AlignmentGrammar.fsg(0, words.size(), sentences, false))),
                                work.resolve("pass1a"))
                        .get(0);
                if (fast != null && !fast.isEmpty()) fast = edges.recover(fast, "pass1a");
                if (fast != null && !fast.isEmpty() && followsTheScript(words, phones, fast, wav))
                    return Confidence.apply(words, phones, SpokenWords.read(words, phones, fast), seconds, wav, second);
            }
            // 1b: a phone loop at every word boundary absorbs speech the script lacks; a phrase may be left out
            List<Window> whole = List.of(new Window(0, seconds, AlignmentGrammar.fsg(0, words.size(), sentences)));
            for (String pass : List.of("pass1b", "pass1c")) {
                boolean widest = pass.equals("pass1c"); // 1c: the same with the widest search
                List<Hit> hits = sphinx.align(wav, dict, whole, work.resolve(pass), widest)
                        .get(0);
                if (hits != null && !hits.isEmpty())
                    return Confidence.apply(
                            words,
                            phones,
                            SpokenWords.read(words, phones, edges.recover(hits, pass)),
                            seconds,
                            wav,
                            second);
            }
        }
        List<Word> chunked = inChunks(wav, seconds, dict, words, sentences, work);
        // nothing placed (held-out clips 89, 91): Confidence shows the script un-timed where the speech is, rather
        // than no captions or another engine's guesses
        return Confidence.apply(words, phones, new TimedWords(chunked, List.of()), seconds, wav, second);
    }

    private static final boolean ALWAYS_LOOP = false; // true: always the phone-loop grammar (for measuring it alone)

    /**
     * Pass 1a's answer is kept only when nothing in it suggests a deviation: every script word found, none
     * squeezed to the decoder's minimum length (a word not said), none longer than a slow speaker needs (speech
     * the script lacks, stretched into it), and no speech between two words that the decoder called silence (a
     * sentence the script lacks: tuning clip 31 had one there, and a name pulled 0.78 s onto it).
     */
    private static boolean followsTheScript(List<ScriptWord> words, int[] phones, List<Hit> hits, Path wav)
            throws IOException {
        List<Word> found = new ArrayList<>();
        for (Hit h : hits) {
            int i = EdgeWords.position(h);
            if (i < 0) continue;
            if (!SpokenWords.plausible(phones[i], words.get(i).key(), h.end() - h.start())) return false;
            found.add(new Word(h.word(), h.start(), h.end()));
        }
        if (found.size() != words.size()) return false;
        SpeechLevel level = SpeechLevel.of(wav, found);
        for (int k = 1; k < found.size(); k++)
            if (level.seconds(found.get(k - 1).end(), found.get(k).start()) >= Confidence.LOUD_BETWEEN) return false;
        return true;
    }

    /**
     * Pass 2: anchors from free recognition, then the text cut into chunks of whole sentences, each aligned in
     * its own stretch of audio. Chunks meet only between two sentences that both have anchors, at a time
     * estimated from those anchors; a sentence without any anchor stays with its neighbours (its words may be
     * skipped there if it was not said).
     */
    private List<Word> inChunks(
            Path wav, double seconds, Path dict, List<ScriptWord> words, List<int[]> sentences, Path work)
            throws IOException {
        Word[] anchors = anchors(sphinx.recognize(wav, work.resolve("rec")), words);
        List<int[]> chunks = new ArrayList<>(); // [first word, end word) of whole sentences
        List<Double> cuts = new ArrayList<>();
        int chunkStart = 0;
        for (int s = 0; s + 1 < sentences.size(); s++) {
            int[] a = sentences.get(s), b = sentences.get(s + 1);
            int lastA = lastAnchor(anchors, a[0], a[1]), firstB = firstAnchor(anchors, b[0], b[1]);
            if (lastA < 0 || firstB < 0) continue;
            double after = anchors[lastA].end() + SECONDS_PER_WORD * (a[1] - 1 - lastA);
            double before = anchors[firstB].start() - SECONDS_PER_WORD * (firstB - b[0]);
            // anchors that leave the words between them less than their typical time contradict each other: one is
            // false ("Kwirlo" heard as "where low" anchored the next sentence's "Where"), and a cut there falls
            // inside a word; the two sentences stay in one chunk
            if (after > before) continue;
            double cut = Math.max(anchors[lastA].end(), Math.min(anchors[firstB].start(), (after + before) / 2));
            if (!cuts.isEmpty() && cut <= cuts.get(cuts.size() - 1) + 0.2) continue;
            chunks.add(new int[] {chunkStart, a[1]});
            cuts.add(cut);
            chunkStart = a[1];
        }
        chunks.add(new int[] {chunkStart, words.size()});
        List<Window> windows = new ArrayList<>();
        for (int k = 0; k < chunks.size(); k++) {
            double from = k == 0 ? 0 : cuts.get(k - 1), to = k == cuts.size() ? seconds : cuts.get(k);
            int[] c = chunks.get(k);
            windows.add(new Window(from, to, AlignmentGrammar.chunkFsg(c[0], c[1], sentences)));
        }
        List<List<Hit>> results = sphinx.align(wav, dict, windows, work.resolve("pass2"));
        List<Word> out = new ArrayList<>();
        for (int k = 0; k < results.size(); k++) {
            List<Hit> hits = results.get(k);
            if (hits != null) out.addAll(toWords(words, hits));
            else for (int i = chunks.get(k)[0]; i < chunks.get(k)[1]; i++) if (anchors[i] != null) out.add(anchors[i]);
        }
        return ordered(out);
    }

    private static int firstAnchor(Word[] anchors, int from, int to) {
        for (int i = from; i < to; i++) if (anchors[i] != null) return i;
        return -1;
    }

    private static int lastAnchor(Word[] anchors, int from, int to) {
        for (int i = to - 1; i >= from; i--) if (anchors[i] != null) return i;
        return -1;
    }

    /**
     * Script words the recogniser heard, with its times. Free recognition makes many mistakes, so a lone short
     * match ("the") is no anchor: a word must be long (5+ letters) or matched next to another matched word.
     */
    private static Word[] anchors(List<Hit> heard, List<ScriptWord> words) {
        List<String> keys = heard.stream().map(h -> ScriptWords.key(h.word())).toList();
        List<Reconciler.Link> links =
                Reconciler.align(keys, words.stream().map(ScriptWord::key).toList());
        Word[] anchors = new Word[words.size()];
        for (int k = 0; k < links.size(); k++) {
            if (!good(links, k)) continue;
            Reconciler.Link l = links.get(k);
            boolean inRun = (k > 0 && good(links, k - 1)) || (k + 1 < links.size() && good(links, k + 1));
            if (!inRun && words.get(l.sFrom()).key().length() < 5) continue;
            Hit h = heard.get(l.hFrom());
            anchors[l.sFrom()] = new Word(words.get(l.sFrom()).text(), h.start(), h.end());
        }
        return anchors;
    }

    private static boolean good(List<Reconciler.Link> links, int k) {
        Reconciler.Link l = links.get(k);
        return l.hTo() - l.hFrom() == 1 && l.sTo() - l.sFrom() == 1 && l.distance() <= ANCHOR_DISTANCE;
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
            if (i + 1 < sorted.size() && w.end() > sorted.get(i + 1).start())
                w = new Word(
                        w.text(),
                        w.start(),
                        Math.max(w.start(), sorted.get(i + 1).start()));
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
                out.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        return out;
    }

    /** One entry per script position (p0, p1 …) with every pronunciation of its word. */
    private static Path writeDictionary(List<ScriptWord> words, Pronouncer pronouncer, Path file, int[] phones)
            throws IOException {
        StringBuilder sb = new StringBuilder(AlignmentGrammar.loopDictionary());
        Map<String, List<String>> seen = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            List<String> prons = seen.computeIfAbsent(words.get(i).key(), pronouncer::pronounce);
            phones[i] = prons.get(0).split("\\s+").length;
            for (int v = 0; v < prons.size(); v++) {
                sb.append(AlignmentGrammar.word(i))
                        .append(v == 0 ? "" : "(" + (v + 1) + ")")
                        .append(' ')
                        .append(prons.get(v))
                        .append('\n');
            }
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }
}

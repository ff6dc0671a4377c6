package io.reelsmith.bench;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaException;
import io.reelsmith.kernel.Word;
import io.reelsmith.speech.Espeak;
import io.reelsmith.speech.Speech;
import io.reelsmith.speech.Voice;
import io.reelsmith.subtitle.align.ScriptWords;
import io.reelsmith.subtitle.align.ScriptWords.ScriptWord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Speaks a text with one of the Debian TTS engines and says when each word starts, from the engine itself — never
 * from our aligner: espeak-ng's word events (its library, as {@link Espeak} does for the animatic), festival's
 * Word relation (the start of each word's first segment), flite's segment end times ({@code -psdur}) cut into
 * words by the number of phones flite gives each word alone. The sound is resampled to 48 kHz mono.
 */
final class TtsEngines {
    static final int RATE = 48_000;
    private final Map<String, Integer> flitePhones = new HashMap<>();

    /** The speech (48 kHz mono WAV) and its words, spelled as in {@code text}, with their true starts. */
    record Spoken(Path wav, List<Word> words) {}

    Spoken speak(SetVoice voice, String text, Path work) throws IOException {
        Files.createDirectories(work);
        Path raw = work.resolve("raw.wav"), wav = work.resolve("speech.wav");
        List<Double> starts = switch (voice.engine()) {
            case SetVoice.ESPEAK -> espeak(voice, text, raw);
            case SetVoice.FESTIVAL -> festival(voice, text, raw, work.resolve("say.scm"));
            case SetVoice.FLITE -> flite(voice, text, raw);
            default -> throw new IllegalArgumentException("no TTS engine " + voice.engine());
        };
        Ffmpeg.command().input(raw).monoWav(RATE).output(wav).run();
        Files.deleteIfExists(raw);
        List<ScriptWord> written = ScriptWords.split(text);
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            double end = i + 1 < written.size() ? starts.get(i + 1) : starts.get(i) + 0.3;
            words.add(new Word(written.get(i).text(), starts.get(i), Math.max(starts.get(i), end)));
        }
        return new Spoken(wav, words);
    }

    private static List<Double> espeak(SetVoice v, String text, Path raw) throws IOException {
        int plus = v.name().indexOf('+');
        Speech s = Espeak.get()
                .speak(
                        text,
                        new Voice(
                                v.name().substring(0, plus), v.name().substring(plus + 1), (int) v.speed(), v.pitch()),
                        raw);
        List<String> keys =
                ScriptWords.split(text).stream().map(ScriptWord::key).toList();
        if (s.words().size() != keys.size())
            throw new IllegalStateException("espeak-ng's word events do not match \"" + text + "\": " + s.words());
        return s.words().stream().map(Word::start).toList();
    }

    /** festival -b: the text as one utterance, Duration_Stretch = 1 / speed; prints each word's first segment start. */
    private static List<Double> festival(SetVoice v, String text, Path raw, Path script) throws IOException {
        String scm = String.format(
                Locale.ROOT,
                """
                (voice_%s)
                (Parameter.set 'Duration_Stretch %.3f)
                (set! utt (utt.synth (Utterance Text "%s")))
                (utt.save.wave utt "%s" 'riff)
                (mapcar (lambda (w) (format t "%%s\\t%%f\\n" (item.name w) (item.feat w "R:SylStructure.daughter1.daughter1.R:Segment.p.end"))) (utt.relation.items utt 'Word))
                """,
                v.name(),
                1 / v.speed(),
                text.replace("\\", "").replace("\"", ""),
                raw);
        Files.writeString(script, scm, StandardCharsets.UTF_8);
        List<String[]> heard = new ArrayList<>();
        for (String line :
                tool(List.of("festival", "-b", script.toString()), "festival").split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 2) heard.add(f);
        }
        return byWord(
                text,
                heard.stream().map(f -> f[0]).toList(),
                heard.stream().map(f -> Double.parseDouble(f[1])).toList(),
                "festival");
    }

    /**
     * flite -psdur gives each segment's end; {@code -pw} the words it said. Each word's phones are counted by
     * speaking it alone ({@code -ps}), and the segments are cut into words by those counts (pauses skipped).
     */
    private List<Double> flite(SetVoice v, String text, Path raw) throws IOException {
        List<String> base = List.of(
                "flite",
                "-voice",
                v.name(),
                "--setf",
                String.format(Locale.ROOT, "duration_stretch=%.3f", 1 / v.speed()));
        String segs = tool(concat(base, "-psdur", "-t", text, "-o", raw.toString()), "flite");
        List<String> said = List.of(
                tool(concat(base, "-pw", "-t", text, "none"), "flite").strip().split("\\s+"));
        List<String> phones = new ArrayList<>();
        List<Double> ends = new ArrayList<>();
        for (String s : segs.strip().split("\\s+")) {
            int colon = s.lastIndexOf(':');
            phones.add(s.substring(0, colon));
            ends.add(Double.parseDouble(s.substring(colon + 1)));
        }
        List<Double> starts = new ArrayList<>();
        int k = 0;
        for (String w : said) {
            while (k < phones.size() && phones.get(k).equals("pau")) k++;
            if (k >= phones.size())
                throw new IllegalStateException("flite said more words than segments in \"" + text + "\"");
            starts.add(k == 0 ? 0 : ends.get(k - 1));
            k += flitePhones.computeIfAbsent(v.name() + " " + w, key -> phoneCount(v.name(), w));
        }
        while (k < phones.size() && phones.get(k).equals("pau")) k++;
        if (k != phones.size())
            throw new IllegalStateException("flite's segments of \"" + text + "\" do not add up to its words' phones ("
                    + k + " of " + phones.size() + ")");
        return byWord(text, said, starts, "flite");
    }

    private static int phoneCount(String voice, String word) {
        try {
            return (int) List.of(tool(List.of("flite", "-voice", voice, "-ps", "-t", word, "none"), "flite")
                            .strip()
                            .split("\\s+"))
                    .stream()
                    .filter(p -> !p.equals("pau"))
                    .count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The engine's words matched to the text's written words by their letters: an engine may split a word
     * ("Zorbleflux's" → "Zorbleflux" + "'s"); the written word starts with the first of its pieces.
     */
    static List<Double> byWord(String text, List<String> heard, List<Double> starts, String engine) {
        List<Double> out = new ArrayList<>();
        int h = 0;
        for (ScriptWord w : ScriptWords.split(text)) {
            String want = letters(w.key());
            if (h >= heard.size())
                throw new IllegalStateException(engine + " said fewer words than \"" + text + "\" has: " + heard);
            out.add(starts.get(h));
            StringBuilder got = new StringBuilder(letters(heard.get(h++)));
            while (got.length() < want.length() && h < heard.size()) got.append(letters(heard.get(h++)));
            if (!got.toString().equals(want))
                throw new IllegalStateException(
                        engine + " said '" + got + "' for '" + w.text() + "' in \"" + text + "\"");
        }
        if (h != heard.size())
            throw new IllegalStateException(engine + " said more words than \"" + text + "\" has: " + heard);
        return out;
    }

    private static String letters(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> out = new ArrayList<>(base);
        out.addAll(List.of(more));
        return out;
    }

    private static String tool(List<String> cmd, String pkg) throws IOException {
        try {
            return Ffmpeg.exec(cmd, 120);
        } catch (MediaException e) {
            throw new IOException(e.getMessage().replace("apt-get install ffmpeg", "apt-get install " + pkg), e);
        }
    }
}

package io.reelsmith.bench;

import com.google.genai.Client;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.emulator.EmulatorOptions;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.google.GeminiCalls;
import io.reelsmith.google.GoogleClients;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.Word;
import io.reelsmith.speech.Espeak;
import io.reelsmith.speech.Speech;
import io.reelsmith.speech.Voice;
import io.reelsmith.subtitle.WordTimer;
import io.reelsmith.subtitle.align.ReconcilingTimer;
import io.reelsmith.subtitle.align.ScriptWords;
import io.reelsmith.subtitle.align.SpeechModels;
import io.reelsmith.subtitle.align.SphinxAligner;
import io.reelsmith.subtitle.align.TranscriptAligner;
import io.reelsmith.subtitle.align.WhisperTimer;
import io.reelsmith.subtitle.align.WordTimers;
import io.reelsmith.subtitle.align.WordTimingException;
import io.reelsmith.subtitle.gemini.GeminiTranscriber;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reelsmith bench subtitles}: speech clips with exactly known word starts (espeak-ng word events), in
 * several voices and speeds, alone and under music, noise or effects at 10–20 dB SNR, muxed into MP4 like a
 * generated video; each word timer runs on them and is scored. The last line is the script-known figure:
 * {@code RESULT median_ms=… p95_ms=… wer=… speed_x=…}.
 */
@Command(
        name = "subtitles",
        description = "Benchmark word timing: start error, subtitle word error rate, speed (× real time).")
public final class SubtitleBench implements Callable<Integer> {
    /** Character names no pronunciation dictionary knows. */
    static final Set<String> NAMES = Set.of("kwirlo", "branxtella", "zorbleflux", "mirelda", "quonk", "tavisk");

    private static final Set<String> ALL_NAMES = union(NAMES, SetTexts.NAMES);
    private static final String[] TEXTS = {
        "Hello there, Kwirlo! Where is the treasure map? Branxtella found it under the old bridge yesterday.",
        "Zorbleflux packed two lanterns, a rope, and a small brass compass. We should go before the sun sets.",
        "Mirelda laughed and said the compass always points to the bakery. Kwirlo never found that funny at all.",
        "At the bridge, a grumpy goose guarded the entrance. Tavisk offered it a piece of bread, and the goose stepped aside.",
        "Under the stones they found a wooden box with a silver lock. Inside was a letter from Mirelda Quonk.",
        "Branxtella rolled her eyes, but she smiled anyway. The real treasure was the friends they made along the way.",
    };
    private static final String[] TEXTS_FR = {
        "Bonjour Kwirlo ! Où est la carte au trésor ? Branxtella l'a trouvée hier, sous le vieux pont.",
        "Zorbleflux a pris deux lanternes, une corde et une petite boussole. Partons avant le coucher du soleil.",
        "Mirelda a ri en disant que la boussole indique toujours la boulangerie. Kwirlo n'a pas trouvé ça drôle.",
        "Sur le pont, une oie grincheuse gardait le passage. Tavisk lui a offert du pain, et l'oie s'est écartée.",
        "Sous les pierres, ils ont trouvé une boîte en bois avec une serrure d'argent. Dedans, une lettre de Mirelda Quonk.",
        "Branxtella a levé les yeux au ciel, mais elle a souri quand même. Le vrai trésor, c'était leurs amis.",
    };
    private static final String[] VARIANTS = {"m3", "f2", "m1", "f4"};
    private static final int[] RATES = {145, 175, 205};
    private static final double[] SNRS = {20, 15, 10};
    private static final double LEAD_IN = 0.6, TAIL = 0.5;

    @Option(names = "--lang", description = "Language of the clips: en or fr (default ${DEFAULT-VALUE}).")
    String lang = "en";

    @Option(names = "--clips", description = "Number of clips (default ${DEFAULT-VALUE}); each bed gets a quarter.")
    int clips = 12;

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "N",
            description =
                    "Make and score only these clips (numbers as in the clip column, e.g. 11 or 5,11): a quick check while tuning.")
    Set<Integer> only;

    @Mixin
    WorkDir workDir = new WorkDir();

    @Option(
            names = "--no-recognition",
            negatable = true,
            description = "Also score recognition without the script (default ${DEFAULT-VALUE}).")
    boolean recognition = true;

    @Option(names = "--verbose", description = "Print each clip's timed words next to the truth.")
    boolean verbose;

    private final PrintStream out = System.out;

    @Option(
            names = "--offscript",
            description =
                    "Use the off-script set: speech that adds a sentence, swaps a word and skips a phrase of the script.")
    boolean offscript;

    @Mixin
    WiderSet widerSet = new WiderSet();

    @Override
    public Integer call() throws Exception {
        if (!lang.equals("en") && !lang.equals("fr"))
            throw new IllegalArgumentException("--lang must be en or fr, not '" + lang + "'");
        if (widerSet.chosen()) return wider();
        try (WorkDir.Open work = workDir.open("reelsmith-bench-subs")) {
            Path dir = work.path();
            if (offscript) return offScript(dir);
            List<BenchClip> set = clips(dir);
            out.printf(
                    Locale.ROOT,
                    "%d clips, %.1f s of speech, voices %s at %s wpm, beds none/music/noise/effects at %s dB SNR%n",
                    set.size(),
                    BenchClip.seconds(set),
                    String.join(",", VARIANTS),
                    Arrays.toString(RATES),
                    Arrays.toString(SNRS));
            if (recognition) {
                for (WordTimer t : WordTimers.recognizers(lang, speech())) runQuietly(t, set, false);
            }
            // Whisper, when a model is configured, also runs with the script (prompted with it, then reconciled)
            speech().whisper().ifPresent(m -> runQuietly(new ReconcilingTimer(new WhisperTimer(m)), set, true));
            Run known = run(new SphinxAligner(speech()), set, true);
            Score s = known.score();
            out.printf(
                    Locale.ROOT,
                    "RESULT median_ms=%.0f p95_ms=%.0f wer=%.4f speed_x=%.1f%n",
                    s.percentileMs(0.5),
                    s.percentileMs(0.95),
                    s.wer(),
                    known.speed());
            return 0;
        }
    }

    /**
     * The off-script set: the script given to the timer differs from the speech (a sentence added, a word swapped,
     * a phrase never said). Scored against the spoken words: WER cannot go below the share of un-scripted words
     * unless a recogniser captions them.
     */
    private int offScript(Path dir) throws IOException {
        List<BenchClip> set = offScriptClips(dir);
        out.printf(
                Locale.ROOT,
                "%d off-script clips (%d English, %d French), %.1f s of speech; each adds a sentence, swaps a word and skips a phrase of its script%n",
                set.size(),
                set.stream().filter(c -> c.language().equals("en")).count(),
                set.stream().filter(c -> c.language().equals("fr")).count(),
                BenchClip.seconds(set));
        Run aligned = run(new SphinxAligner(speech()), set, true);
        Score s = aligned.score();
        StringBuilder result = new StringBuilder(String.format(
                Locale.ROOT,
                "RESULT median_ms=%.0f p95_ms=%.0f max_ms=%.0f wer=%.4f unscripted=%.4f names=%d/%d not_said=%d speed_x=%.1f",
                s.percentileMs(0.5),
                s.percentileMs(0.95),
                s.maxMs(),
                s.wer(),
                s.unscriptedShare(),
                s.namesSpelledRight(),
                s.names(),
                s.phantoms(),
                aligned.speed()));
        speech().whisper()
                .ifPresent(m ->
                        runQuietly(new TranscriptAligner(new WhisperTimer(m), new SphinxAligner(speech())), set, true));
        Run gemini = withGeminiTranscription(set);
        result.append(String.format(
                Locale.ROOT,
                " gemini_median_ms=%.0f gemini_p95_ms=%.0f gemini_wer=%.4f gemini_names=%d/%d",
                gemini.score().percentileMs(0.5),
                gemini.score().percentileMs(0.95),
                gemini.score().wer(),
                gemini.score().namesSpelledRight(),
                gemini.score().names()));
        out.println(result);
        return 0;
    }

    private record Run(Score score, double speed) {}

    /**
     * One half of the wider set ({@link SpeechSet}): the aligner without a recogniser, then the google provider's
     * timer against the emulator. Timing figures cover the timed captions; un-timed ones count in WER and names.
     */
    private int wider() throws IOException {
        Path cache = widerSet.cache();
        List<BenchClip> set = nonEmpty(SpeechSet.load(cache, widerSet.heldout, out).stream()
                .filter(c -> selected(Integer.parseInt(c.label().substring(0, 2))))
                .toList());
        out.printf(
                Locale.ROOT,
                "%s half of the wider set (%s, fingerprint %s): %d clips, %.1f s, %d spoken words%n",
                widerSet.heldout ? "held-out" : "tuning",
                cache,
                SpeechSet.fingerprint(),
                set.size(),
                BenchClip.seconds(set),
                set.stream().mapToInt(c -> c.truth().size()).sum());
        Run aligned = run(new SphinxAligner(), set, true);
        Score s = aligned.score();
        StringBuilder result = new StringBuilder(String.format(
                Locale.ROOT,
                "RESULT half=%s clips=%d median_ms=%.0f p95_ms=%.0f max_ms=%.0f over_500ms=%d "
                        + "wer=%.4f floor=%.4f wer_vs_floor=%.3f names=%d/%d untimed=%d untimed_outside=%d not_said=%d",
                widerSet.half(),
                set.size(),
                s.percentileMs(0.5),
                s.percentileMs(0.95),
                s.maxMs(),
                s.over(500),
                s.wer(),
                s.unscriptedShare(),
                s.wer() / s.unscriptedShare(),
                s.namesSpelledRight(),
                s.names(),
                s.untimed(),
                s.untimedOutside(),
                s.phantoms()));
        if (recognition) { // --no-recognition: the aligner alone, a quicker look while tuning
            Score g = withGeminiTranscription(set).score();
            result.append(String.format(
                    Locale.ROOT,
                    " gemini_median_ms=%.0f gemini_p95_ms=%.0f gemini_max_ms=%.0f gemini_wer=%.4f gemini_names=%d/%d",
                    g.percentileMs(0.5),
                    g.percentileMs(0.95),
                    g.maxMs(),
                    g.wer(),
                    g.namesSpelledRight(),
                    g.names()));
        }
        out.println(result);
        return 0;
    }

    /**
     * The google provider's timer — Gemini's transcription, force-aligned, reconciled with the script — against the
     * emulator on this machine, which is told what each clip says (it knows what its own videos say the same way).
     * It measures what the pipeline does with a faithful transcript; the real model's accuracy is Google's.
     */
    private Run withGeminiTranscription(List<BenchClip> set) throws IOException {
        try (GeminiEmulator emulator = GeminiEmulator.start(EmulatorOptions.defaults())) {
            for (BenchClip c : set)
                emulator.transcripts()
                        .remember(
                                c.video(),
                                String.join(
                                        " ", c.truth().stream().map(Word::text).toList()));
            GoogleConfig config = ConfigLoader.fromEnvironment(Map.of(
                            "REELSMITH_GOOGLE_BASE_URL",
                            emulator.baseUrl(),
                            "GEMINI_API_KEY",
                            EmulatorOptions.DEFAULT_API_KEY,
                            "REELSMITH_GOOGLE_MAX_RETRIES",
                            "0"))
                    .google();
            try (Client client = GoogleClients.create(config)) {
                GeminiTranscriber transcriber = new GeminiTranscriber(
                        new GeminiCalls(client, config, SpendLedger.Recorder.NONE), config.transcribeModel());
                return run(WordTimers.preferring(transcriber, new SphinxAligner(speech()), speech()), set, true);
            }
        }
    }

    /** The word timers' models as this machine is configured (a Whisper model, when one is set or downloaded). */
    private static SpeechModels speech() {
        return ConfigLoader.load(null, Map.of()).speech();
    }

    /** A timer that fails (a corrupt Whisper model) is reported without stopping the benchmark. */
    private void runQuietly(WordTimer timer, List<BenchClip> set, boolean withScript) {
        try {
            run(timer, set, withScript);
        } catch (IOException | RuntimeException e) {
            out.println(timer.name() + " failed: " + e.getMessage());
        }
    }

    private Run run(WordTimer timer, List<BenchClip> set, boolean withScript) throws IOException {
        out.printf("%n== %s, %s%n", timer.name(), withScript ? "script known" : "recognition only (no script)");
        int lw = set.stream().mapToInt(c -> c.label().length()).max().orElse(34);
        out.printf(
                "%-" + lw + "s %6s %8s %8s %8s %7s %7s %6s %8s %7s %7s%n",
                "clip",
                "words",
                "med_ms",
                "p95_ms",
                "max_ms",
                "wer",
                "unscr",
                "names",
                "not_said",
                "untimed",
                "x_rt");
        // One untimed call first: loading dictionaries and native libraries happens once per process, and a
        // real video is 10× longer than a bench clip, so it would otherwise weigh 10× more here than in use.
        long w0 = System.nanoTime();
        timer.time(
                set.get(0).video(),
                withScript ? set.get(0).script() : null,
                set.get(0).language());
        out.printf(Locale.ROOT, "(warm-up call, not counted in x_rt: %.2f s)%n", (System.nanoTime() - w0) / 1e9);
        List<Score> scores = new ArrayList<>();
        double audio = 0, wall = 0, cpu = 0;
        for (BenchClip c : set) {
            double c0 = CpuClock.seconds();
            long t0 = System.nanoTime();
            List<Word> timed;
            try {
                timed = timer.time(c.video(), withScript ? c.script() : null, c.language());
            } catch (WordTimingException e) {
                out.println("   " + c.label() + ": " + e.getMessage() + " (scored as no words)");
                timed = List.of();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            cpu += CpuClock.seconds() - c0;
            Score s = Score.of(c.truth(), timed, ALL_NAMES, c.script());
            if (verbose) {
                out.println("   truth: "
                        + c.truth().stream()
                                .map(w -> String.format(Locale.ROOT, "%s@%.2f", w.text(), w.start()))
                                .toList());
                out.println("   timed: "
                        + timed.stream()
                                .map(w -> w.timed()
                                        ? String.format(Locale.ROOT, "%s@%.2f", w.text(), w.start())
                                        : String.format(Locale.ROOT, "%s@(%.2f-%.2f)", w.text(), w.start(), w.end()))
                                .toList());
            }
            scores.add(s);
            audio += c.seconds();
            wall += secs;
            out.println(row(lw, c.label(), s, c.seconds() / secs));
        }
        Score t = Score.total(scores);
        out.printf(
                Locale.ROOT,
                "%s   (%d words timed, %d more than 0.5 s off)%n",
                row(lw, "ALL", t, audio / wall),
                t.startErrorsMs().size(),
                t.over(500));
        out.printf(
                Locale.ROOT,
                "speed: %.1f× real time by the wall clock, %.1f s of audio per CPU second (%.1f s CPU for %.1f s); load average %s%n",
                audio / wall,
                audio / cpu,
                cpu,
                audio,
                loadAverage());
        return new Run(t, audio / wall);
    }

    /** Clip i: texts i and i+1 mod 6, a voice and speed that vary, bed by quarter (none, music, noise, effects), SNR 20/15/10 dB. */
    private List<BenchClip> clips(Path dir) throws IOException {
        List<BenchClip> set = new ArrayList<>();
        for (int i = 0; i < clips; i++) {
            // two texts a clip (~15 s, four sentences): a Veo take is 8 s + 7 s per extension
            String[] texts = "fr".equals(lang) ? TEXTS_FR : TEXTS;
            String text = texts[i % texts.length] + " " + texts[(i + 1) % texts.length];
            clip(dir, i, lang, text, text, bed(i, clips)).ifPresent(set::add);
        }
        return nonEmpty(set);
    }

    /** The six English texts, each in two clips (voices, speeds and beds vary as in the on-script set), then the French ones. */
    private List<BenchClip> offScriptClips(Path dir) throws IOException {
        List<BenchClip> set = new ArrayList<>();
        int english = Math.max(1, clips);
        for (int i = 0; i < english; i++) {
            OffScript o = OffScript.ENGLISH.get(i % OffScript.ENGLISH.size());
            clip(dir, i, "en", o.spoken(), o.script(), bed(i, english)).ifPresent(set::add);
        }
        for (int k = 0; k < OffScript.FRENCH.size(); k++) {
            OffScript o = OffScript.FRENCH.get(k);
            clip(dir, english + k, "fr", o.spoken(), o.script(), k == 0 ? Beds.Kind.NONE : Beds.Kind.MUSIC)
                    .ifPresent(set::add);
        }
        return nonEmpty(set);
    }

    private List<BenchClip> nonEmpty(List<BenchClip> set) {
        if (set.isEmpty()) throw new IllegalArgumentException("--only " + only + " selects no clip of this set");
        return set;
    }

    private boolean selected(int clip) {
        return only == null || only.contains(clip);
    }

    private static Beds.Kind bed(int i, int clips) {
        Beds.Kind[] beds = Beds.Kind.values();
        return beds[Math.min(beds.length - 1, i / Math.max(1, clips / beds.length))];
    }

    /**
     * Speaks {@code spoken} under a bed, muxes it into an MP4 and keeps each word's true start. A clip left out by
     * {@code --only} is still spoken (and thrown away): espeak-ng carries state from one synthesis to the next, so
     * clip 11 sounds as in the whole set only when clips 0–10 were spoken before it.
     */
    private Optional<BenchClip> clip(Path dir, int i, String language, String spoken, String script, Beds.Kind bed)
            throws IOException {
        Voice voice = new Voice(
                "fr".equals(language) ? "fr" : "en-us",
                VARIANTS[i % VARIANTS.length],
                RATES[(i / 2) % RATES.length],
                40 + 7 * (i % 5));
        double snr = SNRS[i % SNRS.length];
        Speech speech = Espeak.get().speak(spoken, voice, dir.resolve("speech-" + i + ".wav"));
        if (!selected(i)) {
            Files.deleteIfExists(speech.wav());
            return Optional.empty();
        }
        double[] samples = ClipMedia.withSilence(ClipMedia.readPcm(speech.wav()), LEAD_IN, TAIL, speech.sampleRate());
        double[] mixed = bed == Beds.Kind.NONE
                ? samples
                : Beds.mixAtSnr(samples, Beds.make(bed, samples.length, speech.sampleRate(), 1000 + i), snr);
        Path wav = dir.resolve("mix-" + i + ".wav");
        ClipMedia.writePcm(wav, mixed, speech.sampleRate());
        Path mp4 = dir.resolve(String.format(Locale.ROOT, "clip-%02d.mp4", i));
        ClipMedia.video(wav, mp4);
        List<Word> truth = speech.words().stream().map(w -> w.shifted(LEAD_IN)).toList();
        List<String> written = ScriptWords.split(spoken).stream()
                .map(ScriptWords.ScriptWord::text)
                .toList();
        if (!truth.stream().map(Word::text).toList().equals(written)) {
            throw new IllegalStateException(
                    "espeak-ng's word events do not match the words of \"" + spoken + "\": " + truth);
        }
        String label = String.format(
                Locale.ROOT,
                "%02d %s%s %dwpm %s%s",
                i,
                language.equals(lang) ? "" : language + " ",
                voice.variant(),
                voice.rate(),
                bed.name().toLowerCase(Locale.ROOT),
                bed == Beds.Kind.NONE ? "" : String.format(Locale.ROOT, "@%.0fdB", snr));
        Files.deleteIfExists(speech.wav());
        Files.deleteIfExists(wav);
        return Optional.of(
                new BenchClip(label, mp4, script, truth, mixed.length / (double) speech.sampleRate(), language));
    }

    /** One row of the table: a clip's (or all clips') figures, {@code speed} = audio seconds per wall second. */
    private static String row(int labelWidth, String label, Score s, double speed) {
        return String.format(
                Locale.ROOT,
                "%-" + labelWidth + "s %6d %8.0f %8.0f %8.0f %6.1f%% %6.1f%% %3d/%-2d %8d %7d %7.1f",
                label,
                s.scriptWords(),
                s.percentileMs(0.5),
                s.percentileMs(0.95),
                s.maxMs(),
                100 * s.wer(),
                100 * s.unscriptedShare(),
                s.namesSpelledRight(),
                s.names(),
                s.phantoms(),
                s.untimed(),
                speed);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}

package io.reelsmith.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Word;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The wider subtitle set (issue #26), generated here so anyone can make it again: 120 clips in five groups of 24
 * with texts and voices of their own. The split is fixed: groups A to D (clips 00–95) are the tuning half, group E
 * (96–119) the held-out half. B, then C, then D was the held-out half until its one run had been reported and its
 * failures studied; E was then written and is run once, with the final code (docs/benchmarks.md). Every clip is one passage of {@link SetTexts} spoken
 * by a {@link SetVoice} (espeak-ng, festival, flite), with the speech leaving its script in one, two or all three
 * ways (a sentence added, a word swapped, a phrase or sentence left out) at the start, middle or end; a lead-in of
 * 0.1–2.5 s and 0.5–3 s of silence after; and a bed of music, effects or noise at 20, 17, 14, 11 or 8 dB below
 * the speech (a quarter of the clips have none). Word times are the engines' own. Everything is fixed by the
 * clip's number (texts, voices, bed seeds), so the same clips come out on every machine with the same packages.
 *
 * <p>Clips are made into a cache directory on first use (three minutes on 2 cores) and reused while
 * {@link #fingerprint()} — the generator's version and every clip's description — stays the same.
 */
final class SpeechSet {
    /** Clips a group: A (00–23), B (24–47), C (48–71), D (72–95), E (96–119). */
    static final int GROUP = 24;
    /** The fixed split: clips before this one are the tuning half (groups A to D), the rest the held-out half (E). */
    static final int HELD_OUT_FROM = 96;
    /** Raise when the way clips are made changes (not their description, which the fingerprint already covers). */
    private static final int GENERATOR_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COMBOS = {"A", "S", "D", "AS", "AD", "SD", "ASD"};
    private static final Beds.Kind[] BEDS = {Beds.Kind.MUSIC, Beds.Kind.EFFECTS, Beds.Kind.NOISE, Beds.Kind.NONE};
    private static final double[] SNRS = {20, 17, 14, 11, 8},
            LEAD_INS = {0.3, 1.5, 0.8, 2.5, 0.1},
            TAILS = {0.5, 2.0, 3.0};
    private static final String[] WHERE = {"start", "middle", "end"};

    /** One clip's description: everything needed to make it. */
    record Spec(
            int id,
            SetVoice voice,
            String marked,
            String deviations,
            Beds.Kind bed,
            double snr,
            double leadIn,
            double tail) {
        boolean heldOut() {
            return id >= HELD_OUT_FROM;
        }

        String label() {
            return String.format(
                    Locale.ROOT,
                    "%02d %s %s %-22s %-7s %s",
                    id,
                    heldOut() ? "H" : "T",
                    voice.language(),
                    voice.label(),
                    bed == Beds.Kind.NONE
                            ? "clean"
                            : bed.name().toLowerCase(Locale.ROOT) + String.format(Locale.ROOT, "@%.0f", snr),
                    deviations);
        }
    }

    private SpeechSet() {}

    static List<Spec> specs() {
        List<Spec> out = new ArrayList<>();
        for (int g = 0; g < SetVoice.GROUPS.size(); g++) {
            List<SetVoice> voices = SetVoice.GROUPS.get(g);
            SetTexts.Group texts = SetTexts.GROUPS.get(g);
            int en = 0, fr = 0;
            for (int j = 0; j < GROUP; j++) {
                SetVoice v = voices.get(j);
                boolean french = v.language().equals("fr");
                List<String> passage = french
                        ? texts.fr().get(fr % texts.fr().size())
                        : texts.en().get(en % texts.en().size());
                List<String> added = french ? texts.addedFr() : texts.addedEn();
                String combo = COMBOS[j % COMBOS.length];
                StringBuilder dev = new StringBuilder();
                String marked = marked(passage, added.get((french ? fr : en) % added.size()), combo, j, dev);
                if (french) fr++;
                else en++;
                out.add(new Spec(
                        g * GROUP + j,
                        v,
                        marked,
                        dev.toString(),
                        BEDS[j % BEDS.length],
                        SNRS[j % SNRS.length],
                        LEAD_INS[j % LEAD_INS.length],
                        TAILS[j % TAILS.length]));
            }
        }
        return out;
    }

    /**
     * The passage in {@link OffScript}'s markup with the chosen deviations switched on: deviation k of the combo
     * (A added sentence, S swapped word, D phrase left out) goes to the start, middle or end by (j + k) mod 3.
     */
    static String marked(List<String> passage, String addedSentence, String combo, int j, StringBuilder described) {
        int last = passage.size() - 1;
        int add = -1, swap = -1, drop = -1;
        for (int k = 0; k < combo.length(); k++) {
            int where = (j + k) % 3;
            int sentence = where == 0 ? 0 : where == 1 ? 1 + j % 2 : last;
            switch (combo.charAt(k)) {
                case 'A' -> add = where == 0 ? 0 : where == 1 ? 2 : last + 1; // added before this sentence
                case 'S' -> swap = sentence;
                default -> drop = sentence;
            }
            if (!described.isEmpty()) described.append(',');
            described.append(combo.charAt(k)).append('-').append(WHERE[where]);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= passage.size(); i++) {
            if (i == add) out.add("[+" + addedSentence + "+]");
            if (i == passage.size()) break;
            String s = passage.get(i);
            if (i != swap || (i == drop && !s.contains("[-"))) s = s.replaceAll("\\{([^|}]*)\\|[^}]*}", "$1");
            if (i == drop) s = s.contains("[-") ? s : "[-" + s + "-]";
            else s = s.replaceAll("\\[-(.*?)-]", "$1");
            out.add(s);
        }
        return String.join(" ", out);
    }

    /** Printed at the top of the set's first line: a change to any clip's description makes a new set. */
    static String fingerprint() {
        return Integer.toHexString(Objects.hash(GENERATOR_VERSION, specs().toString()));
    }

    /** The clips of the chosen half ({@code heldOut}), made first if the cache has none or an older set. */
    static List<BenchClip> load(Path cache, boolean heldOut, PrintStream log) throws IOException {
        Path index = cache.resolve("set.json");
        JsonNode root = Files.isRegularFile(index) ? JSON.readTree(index.toFile()) : null;
        if (root == null || !fingerprint().equals(root.path("fingerprint").asText())) root = make(cache, log);
        List<BenchClip> out = new ArrayList<>();
        for (JsonNode c : root.path("clips")) {
            if (c.path("heldOut").asBoolean() != heldOut) continue;
            List<Word> truth = new ArrayList<>();
            for (JsonNode w : c.path("words"))
                truth.add(new Word(
                        w.path("text").asText(),
                        w.path("start").asDouble(),
                        w.path("end").asDouble()));
            out.add(new BenchClip(
                    c.path("label").asText(),
                    cache.resolve(c.path("video").asText()),
                    c.path("script").asText(),
                    truth,
                    c.path("seconds").asDouble(),
                    c.path("language").asText()));
        }
        return out;
    }

    /** Makes every clip, in order (espeak-ng carries state from one synthesis to the next), then writes set.json. */
    private static JsonNode make(Path cache, PrintStream log) throws IOException {
        Files.createDirectories(cache);
        log.printf("making the subtitle set into %s (fingerprint %s)…%n", cache, fingerprint());
        TtsEngines engines = new TtsEngines();
        ObjectNode root = JSON.createObjectNode();
        root.put("fingerprint", fingerprint());
        ArrayNode clips = root.putArray("clips");
        for (Spec s : specs()) {
            BenchClip clip = make(s, engines, cache);
            ObjectNode c = clips.addObject();
            c.put("id", s.id())
                    .put("heldOut", s.heldOut())
                    .put("label", clip.label())
                    .put("language", clip.language())
                    .put("video", clip.video().getFileName().toString())
                    .put("script", clip.script())
                    .put("spoken", new OffScript(s.voice().language(), s.marked()).spoken())
                    .put("seconds", clip.seconds());
            ArrayNode words = c.putArray("words");
            for (Word w : clip.truth())
                words.addObject().put("text", w.text()).put("start", w.start()).put("end", w.end());
            log.println("  " + s.label());
        }
        AtomicFiles.writeAtomically(
                cache.resolve("set.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return root;
    }

    /** One clip: its speech under its bed after its lead-in, muxed into {@code dir/clip-NN.mp4}, with the true word starts. */
    static BenchClip make(Spec s, TtsEngines engines, Path dir) throws IOException {
        OffScript text = new OffScript(s.voice().language(), s.marked());
        TtsEngines.Spoken spoken = engines.speak(s.voice(), text.spoken(), dir.resolve("work"));
        double[] speech = ClipMedia.readPcm(spoken.wav());
        double[] padded = ClipMedia.withSilence(speech, s.leadIn(), s.tail(), TtsEngines.RATE);
        double[] mixed = s.bed() == Beds.Kind.NONE
                ? padded
                : Beds.mix(
                        padded,
                        Beds.make(s.bed(), padded.length, TtsEngines.RATE, 7000 + s.id()),
                        s.snr(),
                        Beds.power(speech));
        Path wav = dir.resolve("work/mix.wav"), mp4 = dir.resolve(String.format(Locale.ROOT, "clip-%02d.mp4", s.id()));
        ClipMedia.writePcm(wav, mixed, TtsEngines.RATE);
        ClipMedia.video(wav, mp4);
        List<Word> truth = spoken.words().stream()
                .map(w -> new Word(w.text(), round(w.start() + s.leadIn()), round(w.end() + s.leadIn())))
                .toList();
        return new BenchClip(
                s.label(),
                mp4,
                text.script(),
                truth,
                mixed.length / (double) TtsEngines.RATE,
                s.voice().language());
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10000) / 10000.0;
    }
}

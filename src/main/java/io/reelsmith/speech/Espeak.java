package io.reelsmith.speech;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;
import io.reelsmith.kernel.Word;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Text to speech with espeak-ng's C library, through JNA.
 *
 * <p>We call the library rather than the {@code espeak-ng} program because only the library reports
 * {@code espeakEVENT_WORD} with the audio position of each word: that gives subtitles exact word times
 * for the offline animatic. The library keeps global state, so every call is serialised.
 */
public final class Espeak implements TextToSpeech {
    private static final int AUDIO_OUTPUT_SYNCHRONOUS = 2;
    private static final int POS_CHARACTER = 1;
    private static final int CHARS_UTF8 = 1;
    private static final int EVENT_WORD = 1;
    private static final int EVENT_LIST_TERMINATED = 0;
    private static final int PARAM_RATE = 1, PARAM_PITCH = 3;
    /** Below this amplitude (of 32768) a sample counts as silence when we trim a word's end. */
    private static final int SILENCE = 300;

    private static Espeak instance;

    private final Lib lib;
    private final int sampleRate;
    // Filled by the callback during one synchronous espeak_Synth call.
    private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
    private final List<int[]> wordEvents = new ArrayList<>(); // {textPosition, length, audioMs}
    private final SynthCallback callback = this::onSynth; // kept referenced: JNA must not collect it

    public interface Lib extends Library {
        int espeak_Initialize(int output, int buflength, String path, int options);

        int espeak_SetVoiceByName(String name);

        int espeak_SetParameter(int parameter, int value, int relative);

        void espeak_SetSynthCallback(SynthCallback cb);

        int espeak_Synth(
                Pointer text,
                long size,
                int position,
                int positionType,
                int endPosition,
                int flags,
                Pointer uniqueIdentifier,
                Pointer userData);

        int espeak_Synchronize();

        Pointer espeak_TextToPhonemes(PointerByReference textPtr, int textMode, int phonemeMode);
    }

    public interface SynthCallback extends Callback {
        int invoke(Pointer wav, int numSamples, Pointer events);
    }

    @Structure.FieldOrder({
        "type",
        "uniqueIdentifier",
        "textPosition",
        "length",
        "audioPosition",
        "sample",
        "userData",
        "id"
    })
    public static class Event extends Structure {
        public int type;
        public int uniqueIdentifier;
        public int textPosition;
        public int length;
        public int audioPosition;
        public int sample;
        public Pointer userData;
        public long id; // union { int; char*; char[8] }: 8 bytes

        public Event(Pointer p) {
            super(p);
            read();
        }
    }

    private Espeak() {
        try {
            lib = Native.load("espeak-ng", Lib.class);
        } catch (UnsatisfiedLinkError e) {
            throw new SpeechException("espeak-ng's library is not installed (apt-get install espeak-ng libespeak-ng1): "
                    + e.getMessage());
        }
        sampleRate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, null, 0x8000 /* don't exit on error */);
        if (sampleRate <= 0) throw new SpeechException("espeak-ng failed to initialise (code " + sampleRate + ")");
        lib.espeak_SetSynthCallback(callback);
    }

    public static synchronized Espeak get() {
        if (instance == null) instance = new Espeak();
        return instance;
    }

    @Override
    public synchronized Speech speak(String text, Voice voice, Path wavOut) throws IOException {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("nothing to say");
        if (lib.espeak_SetVoiceByName(voice.espeakName()) != 0 && lib.espeak_SetVoiceByName(voice.language()) != 0) {
            throw new SpeechException("espeak-ng has no voice " + voice.espeakName());
        }
        lib.espeak_SetParameter(PARAM_RATE, voice.rate(), 0);
        lib.espeak_SetParameter(PARAM_PITCH, voice.pitch(), 0);
        pcm.reset();
        wordEvents.clear();
        byte[] utf8 = (text + "\0").getBytes(StandardCharsets.UTF_8);
        Memory buf = new Memory(utf8.length);
        buf.write(0, utf8, 0, utf8.length);
        int err = lib.espeak_Synth(buf, utf8.length, 0, POS_CHARACTER, 0, CHARS_UTF8, null, null);
        if (err != 0) throw new SpeechException("espeak-ng could not synthesise (code " + err + ")");
        lib.espeak_Synchronize();

        byte[] samples = pcm.toByteArray();
        double seconds = samples.length / 2.0 / sampleRate;
        List<Word> words = toWords(text, samples, seconds);
        Wav.write(wavOut, samples, sampleRate);
        return new Speech(wavOut, sampleRate, seconds, words);
    }

    /**
     * The IPA phonemes espeak-ng would speak for {@code text} in {@code language} ("en-us", "fr"), one string per
     * clause, phonemes separated by '_' (e.g. "k_w_ˈɜː_l_oʊ"). Forced alignment uses it for names no dictionary knows.
     */
    public synchronized List<String> phonemes(String text, String language) {
        if (text == null || text.isBlank()) return List.of();
        if (lib.espeak_SetVoiceByName(language) != 0) throw new SpeechException("espeak-ng has no voice " + language);
        byte[] utf8 = (text + "\0").getBytes(StandardCharsets.UTF_8);
        Memory buf = new Memory(utf8.length);
        buf.write(0, utf8, 0, utf8.length);
        var cursor = new PointerByReference(buf);
        List<String> clauses = new ArrayList<>();
        int ipaWithUnderscores = 0x02 | ('_' << 8);
        while (cursor.getValue() != null) {
            Pointer p = lib.espeak_TextToPhonemes(cursor, CHARS_UTF8, ipaWithUnderscores);
            if (p == null) break;
            String clause = p.getString(0, "UTF-8").strip();
            if (!clause.isEmpty()) clauses.add(clause);
        }
        return clauses;
    }

    private int onSynth(Pointer wav, int numSamples, Pointer events) {
        if (wav != null && numSamples > 0) {
            byte[] bytes = wav.getByteArray(0, numSamples * 2);
            pcm.write(bytes, 0, bytes.length);
        }
        if (events != null) {
            int size = new Event(events).size();
            for (int off = 0; ; off += size) {
                Event e = new Event(events.share(off));
                if (e.type == EVENT_LIST_TERMINATED) break;
                if (e.type == EVENT_WORD) wordEvents.add(new int[] {e.textPosition, e.length, e.audioPosition});
            }
        }
        return 0;
    }

    /**
     * Word starts come from espeak; a word ends where its sound fades before the next word starts.
     * Events are matched to the text's whitespace-separated words by position: espeak also sends empty events
     * (length 0, e.g. after a comma) that must not repeat a word, and sends none for some words it joins
     * ("did not"), which then share the time of the word before them in proportion to their length.
     */
    private List<Word> toWords(String text, byte[] samples, double seconds) {
        int[] cp = text.codePoints().toArray();
        List<int[]> spans = new ArrayList<>(); // [from, to) in code points
        int pendingFrom = -1; // punctuation standing alone ("—", "…") joins the word next to it
        for (int i = 0; i < cp.length; ) {
            while (i < cp.length && Character.isWhitespace(cp[i])) i++;
            int from = i;
            boolean spoken = false;
            while (i < cp.length && !Character.isWhitespace(cp[i])) spoken |= Character.isLetterOrDigit(cp[i++]);
            if (i == from) continue;
            if (spoken) spans.add(new int[] {pendingFrom >= 0 ? pendingFrom : from, i});
            else if (!spans.isEmpty()) spans.get(spans.size() - 1)[1] = i;
            else if (pendingFrom < 0) pendingFrom = from;
            if (spoken) pendingFrom = -1;
        }
        double[] starts = new double[spans.size()];
        Arrays.fill(starts, -1);
        int lastWord = -1;
        for (int[] ev : wordEvents) {
            if (ev[1] <= 0) continue;
            int pos = ev[0] - 1, k = lastWord + 1;
            while (k < spans.size() && spans.get(k)[1] <= pos) k++;
            if (k >= spans.size()) break;
            starts[k] = Math.min(ev[2] / 1000.0, seconds);
            lastWord = k;
        }
        int firstTimed = 0;
        while (firstTimed < starts.length && starts[firstTimed] < 0) firstTimed++;
        if (firstTimed == starts.length) return List.of();
        for (int k = 0; k < firstTimed; k++) starts[k] = starts[firstTimed];
        for (int k = firstTimed; k < starts.length; ) {
            int next = k + 1;
            while (next < starts.length && starts[next] < 0) next++;
            double until = next < starts.length ? starts[next] : seconds;
            int chars = 0;
            for (int j = k; j < next; j++) chars += spans.get(j)[1] - spans.get(j)[0] + 1;
            double t = starts[k];
            for (int j = k; j < next; j++) {
                starts[j] = t;
                t += (until - starts[k]) * (spans.get(j)[1] - spans.get(j)[0] + 1) / chars;
            }
            k = next;
        }
        ShortSamples pcmView = new ShortSamples(samples);
        List<Word> words = new ArrayList<>();
        for (int k = 0; k < spans.size(); k++) {
            // captions want "there," and "map?" as written, punctuation included
            String word = new String(cp, spans.get(k)[0], spans.get(k)[1] - spans.get(k)[0]);
            double start = starts[k];
            double limit = k + 1 < spans.size() ? starts[k + 1] : seconds;
            double end = pcmView.lastSoundBefore(start, limit, sampleRate);
            words.add(new Word(word, start, Math.max(start, Math.max(end, Math.min(limit, start + 0.05)))));
        }
        return words;
    }

    private record ShortSamples(byte[] bytes) {
        double lastSoundBefore(double from, double to, int rate) {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int a = (int) (from * rate), z = Math.min((int) (to * rate), bytes.length / 2);
            for (int s = z - 1; s > a; s--) {
                if (Math.abs(b.getShort(s * 2)) > SILENCE) return (s + 1) / (double) rate;
            }
            return to;
        }
    }
}

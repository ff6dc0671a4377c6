package io.reelsmith.subtitle.align;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.WordTimer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Transcription with Whisper (whisper.cpp bundled in whisper-jni) and a ggml model file, in any language the
 * model knows. The binding exposes segment times only, so a segment's time is shared among its words in
 * proportion to their length; where the script is known, {@link ReconcilingTimer} fixes the spelling.
 * With a known text, the text is given to Whisper as its prompt so it is primed with the characters' names.
 */
public final class WhisperTimer implements WordTimer {
    public static final String NAME = "whisper";
    /** whisper.cpp model files start with "ggml" read as a little-endian int. */
    private static final int GGML_MAGIC = 0x67676d6c;

    private static boolean libraryLoaded;

    private final Path model;

    public WhisperTimer(Path model) {
        this.model = model;
    }

    public Path model() {
        return model;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Word> time(Path media, String knownText, String language) throws IOException {
        checkModel(model);
        float[] samples = SpeechAudio.inScratch(media, false, (wav, scratch) -> SpeechAudio.samples(wav));
        WhisperJNI whisper = whisper();
        try (WhisperContext ctx = whisper.init(model)) {
            if (ctx == null)
                throw new WordTimingException("Whisper could not load the model " + model
                        + " (corrupt or not a whisper.cpp ggml model); download it again");
            WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
            params.language = language;
            params.nThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
            params.printProgress = false;
            params.printRealtime = false;
            params.printTimestamps = false;
            if (knownText != null && !knownText.isBlank()) params.initialPrompt = knownText;
            int rc = whisper.full(ctx, params, samples, samples.length);
            if (rc != 0)
                throw new WordTimingException("Whisper failed on " + media.getFileName() + " (code " + rc + ")");
            List<Word> words = new ArrayList<>();
            for (int i = 0; i < whisper.fullNSegments(ctx); i++) {
                double t0 = whisper.fullGetSegmentTimestamp0(ctx, i) / 100.0,
                        t1 = whisper.fullGetSegmentTimestamp1(ctx, i) / 100.0;
                words.addAll(splitSegment(whisper.fullGetSegmentText(ctx, i), t0, t1));
            }
            return words;
        }
    }

    /** Words of one segment, its time shared in proportion to their length (characters + 1 for the gap). */
    static List<Word> splitSegment(String text, double t0, double t1) {
        List<String> parts = new ArrayList<>();
        for (String p : text.strip().split("\\s+")) if (!p.isBlank() && !p.matches("\\[.*]|\\(.*\\)")) parts.add(p);
        List<Word> out = new ArrayList<>();
        int total = parts.stream().mapToInt(p -> p.length() + 1).sum();
        double t = t0, span = Math.max(0, t1 - t0);
        for (String p : parts) {
            double d = span * (p.length() + 1) / total;
            out.add(new Word(p, t, t + d));
            t += d;
        }
        return out;
    }

    /** A clear error for a missing, empty or foreign file, before the native loader sees it. */
    public static void checkModel(Path model) throws IOException {
        if (model == null)
            throw new WordTimingException(
                    "no Whisper model configured: set REELSMITH_WHISPER_MODEL or run ./reelsmith models download whisper-base");
        if (!Files.isRegularFile(model))
            throw new WordTimingException(
                    "Whisper model file " + model + " does not exist; run ./reelsmith models download whisper-base");
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(model)) {
            n = in.readNBytes(head, 0, 4);
        }
        int magic =
                n < 4 ? 0 : (head[0] & 0xff) | (head[1] & 0xff) << 8 | (head[2] & 0xff) << 16 | (head[3] & 0xff) << 24;
        if (magic != GGML_MAGIC)
            throw new WordTimingException("Whisper model file " + model
                    + " is corrupt or not a whisper.cpp ggml model (bad magic); download it again");
    }

    private static synchronized WhisperJNI whisper() {
        if (!libraryLoaded) {
            try {
                WhisperJNI.loadLibrary();
                WhisperJNI.setLibraryLogger(line -> {}); // whisper.cpp's progress chatter would drown the CLI output
            } catch (IOException | UnsatisfiedLinkError e) {
                throw new WordTimingException(
                        "whisper.cpp's native library cannot load on this machine: " + e.getMessage(), e);
            }
            libraryLoaded = true;
        }
        return new WhisperJNI();
    }
}

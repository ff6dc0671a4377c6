package io.reelsmith.subtitle.align;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.FileTrees;
import io.reelsmith.kernel.MediaException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sound of a video or audio file as speech engines want it: 16 kHz, mono, 16-bit WAV. */
public final class SpeechAudio {
    public static final int RATE = 16_000;
    /**
     * FFmpeg filters run on the speech before alignment, to take a bed off it (issue #26). Empty: none — what was
     * measured to win on the held-out half (docs/benchmarks.md).
     */
    static final String PREFILTER = "";

    private SpeechAudio() {}

    /**
     * Extracts the first audio stream. A −60 dB pink-noise floor (fixed seed, so results repeat) is mixed in: on digitally silent pauses
     * (TTS, generated video) pocketsphinx's cepstral normalisation breaks and alignment fails without it.
     */
    public static Path extract(Path media, Path wavOut) throws IOException {
        if (!Files.isRegularFile(media)) throw new WordTimingException("no such media file: " + media);
        readSound(
                Ffmpeg.command()
                        .input(media)
                        .lavfi("anoisesrc=c=pink:r=" + RATE + ":a=0.001:seed=1")
                        .filterComplex("[0:a:0]aresample=" + RATE + ",aformat=channel_layouts=mono"
                                + (PREFILTER.isBlank() ? "" : "," + PREFILTER)
                                + "[s];[s][1:a]amix=inputs=2:duration=first:normalize=0[out]")
                        .map("[out]")
                        .monoWav(RATE)
                        .output(wavOut),
                "the audio of " + media.getFileName() + " (does it have a sound track?)");
        return wavOut;
    }

    /** Runs {@code cmd} on a file's sound: an FFmpeg failure becomes a word-timing error naming {@code what}. */
    public static void readSound(Ffmpeg cmd, String what) throws IOException {
        try {
            cmd.run();
        } catch (MediaException e) {
            throw new WordTimingException("cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    /** Work on a file's speech ({@link #extract}ed into a scratch directory of its own, deleted afterwards). */
    public interface Work<T> {
        T on(Path wav, Path scratch) throws IOException;
    }

    /** {@code keep}: leave the scratch directory behind, to debug a bad alignment. */
    public static <T> T inScratch(Path media, boolean keep, Work<T> work) throws IOException {
        Path dir = Files.createTempDirectory("reelsmith-speech");
        try {
            return work.on(extract(media, dir.resolve("speech.wav")), dir);
        } finally {
            if (!keep) FileTrees.deleteTreeQuietly(dir);
        }
    }

    public static double seconds(Path wav) throws IOException {
        return Math.max(0, Files.size(wav) - 44) / 2.0 / RATE;
    }

    /** Samples in [-1, 1] of a 16-bit mono WAV with a 44-byte header ({@link #extract}, espeak-ng), as Whisper takes them. */
    public static float[] samples(Path wav) throws IOException {
        byte[] bytes = Files.readAllBytes(wav);
        ByteBuffer b = ByteBuffer.wrap(bytes, 44, bytes.length - 44).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[(bytes.length - 44) / 2];
        for (int i = 0; i < out.length; i++) out[i] = b.getShort() / 32768f;
        return out;
    }
}

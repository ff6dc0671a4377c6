package io.reelsmith.bench;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.speech.Wav;
import io.reelsmith.subtitle.align.SpeechAudio;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** The sound and picture of a subtitle benchmark clip: speech padded with silence, mixed, put under a plain frame. */
final class ClipMedia {
    private ClipMedia() {}

    static double[] readPcm(Path wav) throws IOException {
        float[] f = SpeechAudio.samples(wav); // 16-bit mono after a 44-byte header, any rate
        double[] out = new double[f.length];
        for (int k = 0; k < f.length; k++) out[k] = f[k];
        return out;
    }

    static void writePcm(Path wav, double[] samples, int rate) throws IOException {
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (double s : samples) pcm.putShort((short) Math.round(Math.max(-1, Math.min(1, s)) * 32767));
        Wav.write(wav, pcm.array(), rate);
    }

    /** {@code speech} with {@code leadIn} seconds of silence before it and {@code tail} seconds after. */
    static double[] withSilence(double[] speech, double leadIn, double tail, int rate) {
        double[] out = new double[(int) ((leadIn + tail) * rate) + speech.length];
        System.arraycopy(speech, 0, out, (int) Math.round(leadIn * rate), speech.length);
        return out;
    }

    /** A small 9:16 MP4 of a plain frame with {@code wav} as its sound, as long as the sound. */
    static void video(Path wav, Path mp4) throws IOException {
        Ffmpeg.command()
                .lavfi("color=c=0x203050:s=360x640:r=25")
                .input(wav)
                .map("0:v", "1:a")
                .args("-shortest")
                .h264("ultrafast", 30)
                .aac(128)
                .output(mp4)
                .run();
    }
}

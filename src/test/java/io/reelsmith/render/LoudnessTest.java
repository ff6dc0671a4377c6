package io.reelsmith.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reelsmith.kernel.Ffmpeg;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each of the three ways {@link Loudness} reaches −14 LUFS under −1 dBTP, on 4 s of generated sound. */
class LoudnessTest {
    @TempDir
    Path dir;

    @Test
    void aGainAloneWhenThePeaksAllowIt() throws Exception {
        Path wav = sound("tone.wav", "0.05*sin(2*PI*220*t)");
        String filter = chosenFilter(wav, true);
        assertThat(filter).matches("volume=[0-9.]+dB");
        assertThat(normalised(wav, filter)[0]).isCloseTo(-14.0, within(0.3));
    }

    @Test
    void peaksAboveTheCeilingGoThroughTheLimiterAtTheGainThatLandsOnTheTarget() throws Exception {
        // a steady tone and, once a second, a 10 ms burst 18 dB above it
        Path wav = sound("spiky.wav", "0.1*sin(2*PI*220*t)+0.8*lt(mod(t\\,1)\\,0.01)*sin(2*PI*1000*t)");
        String filter = chosenFilter(wav, false);
        assertThat(filter).contains("alimiter");
        double[] out = normalised(wav, filter);
        assertThat(out[0]).isCloseTo(-14.0, within(0.5));
        assertThat(out[1]).isLessThanOrEqualTo(-1.0);
    }

    @Test
    void soundThatIsNearlyAllPeaksFallsBackToLoudnorm() throws Exception {
        Path wav = sound("clicks.wav", "0.9*lt(mod(t\\,0.02)\\,0.0005)");
        assertThat(chosenFilter(wav, false)).startsWith("loudnorm=");
    }

    @Test
    void theLimitersLossIsInterpolatedBetweenTheReadings() {
        Loudness l = new Loudness(-21, -3, 2, -31); // gain 7 dB
        assertThat(l.interpolate(List.of(-14.6, -13.7, -13.0))).isCloseTo(7 + 1.5 * 0.6 / 0.9, within(1e-9));
        assertThat(l.interpolate(List.of(-13.9, -13.5, -13.0))).isEqualTo(7.0);
        assertThat(l.interpolate(List.of(-17.0, -16.0, -15.5))).isNaN();
    }

    @Test
    void silenceIsLeftAlone() throws Exception {
        assertThat(Loudness.measure(sound("silence.wav", "0"))).isNull();
    }

    private Path sound(String name, String expression) throws Exception {
        Path wav = dir.resolve(name);
        Ffmpeg.command()
                .lavfi("aevalsrc='" + expression + "':s=48000:d=4")
                .output(wav)
                .run();
        return wav;
    }

    /** Integrated loudness and true peak of {@code wav} through {@code filter} and the render's AAC encoder. */
    private double[] normalised(Path wav, String filter) throws Exception {
        Path out = dir.resolve("out.m4a");
        Ffmpeg.command()
                .input(wav)
                .audioFilter(filter)
                .aac(160)
                .args("-aac_coder", "fast", "-ar", "48000")
                .output(out)
                .run();
        return PublishReadyRenderTest.ebur128(out);
    }

    /** The filter {@link Loudness} picks for {@code wav}, once it said whether a gain alone will do. */
    private static String chosenFilter(Path wav, boolean linear) throws Exception {
        Loudness l = Loudness.measure(wav);
        assertThat(l.linear()).isEqualTo(linear);
        return l.filter(wav);
    }
}

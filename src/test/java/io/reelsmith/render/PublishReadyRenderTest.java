package io.reelsmith.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The final MP4 is what the platforms want: −14 LUFS, peaks under −1 dBTP, faststart, 30 fps CFR, a cover. */
class PublishReadyRenderTest {
    @TempDir
    Path dir;

    /** A 6 s 720x1280 24 fps take whose audio is {@code level} dB: a tone bursting on and off, like speech. */
    private Path take(String name, double levelDb) throws Exception {
        Path take = dir.resolve(name);
        Ffmpeg.command()
                .lavfi("testsrc2=s=720x1280:r=24:d=6")
                .lavfi("sine=f=330:r=48000:d=6,volume='if(lt(mod(t,1),0.6),1,0.1)':eval=frame,volume=" + levelDb
                        + "dB,aformat=channel_layouts=stereo")
                .map("0:v", "1:a")
                .h264("ultrafast", 30)
                .aac(128)
                .output(take)
                .run(); // no faststart: the renderer must add it
        return take;
    }

    @Test
    void quietAndLoudTakesBothComeOutAtMinus14LufsUnderMinus1DbtpFaststart30FpsWithACover() throws Exception {
        for (double level : new double[] {-32, -3}) {
            Path take = take("take" + (int) level + ".mp4", level);
            assertThat(PublishCheck.moovBeforeMdat(take))
                    .as("the test take is written without faststart")
                    .isFalse();
            Path out = dir.resolve("out" + (int) level).resolve("final.mp4");
            new FinalRenderer("ultrafast", 28).render(take, null, out);

            double[] loud = ebur128(out);
            assertThat(loud[0])
                    .as("integrated loudness of the take at %s dB", level)
                    .isCloseTo(-14.0, within(1.0));
            assertThat(loud[1]).as("true peak").isLessThanOrEqualTo(-1.0);

            assertThat(PublishCheck.moovBeforeMdat(out)).as("moov before mdat").isTrue();
            PublishCheck.Facts f = PublishCheck.facts(out);
            assertThat(f.fps()).isEqualTo(30.0);
            assertThat(f.constantFps()).isTrue();
            assertThat(f.pixelFormat()).isEqualTo("yuv420p");
            assertThat(f.width()).isEqualTo(1080);
            assertThat(f.height()).isEqualTo(1920);
            assertThat(f.sampleRate()).isEqualTo(48000);
            assertThat(f.seconds()).isCloseTo(6.0, within(0.1));
            assertThat(PublishCheck.problems(out)).isEmpty();

            Path cover = out.resolveSibling("cover.jpg");
            BufferedImage img = ImageIO.read(cover.toFile());
            assertThat(img.getWidth()).isEqualTo(1080);
            assertThat(img.getHeight()).isEqualTo(1920);
        }
    }

    @Test
    void theCheckNamesWhatBreaksThePlatformsLimits() throws Exception {
        Path take = take("raw.mp4", -20);
        List<String> problems = PublishCheck.problems(take);
        assertThat(problems)
                .as("720x1280 24 fps H.264/AAC is fine but for its index at the end")
                .containsExactly("the index (moov) comes after the media data: not faststart");
        Path longOne = dir.resolve("long.mp4");
        Ffmpeg.command()
                .lavfi("color=c=black:s=108x192:r=30:d=200")
                .h264("ultrafast", 40)
                .faststart()
                .output(longOne)
                .run();
        assertThat(PublishCheck.problems(longOne))
                .contains(
                        "Reels: 200.0 s is longer than 180 s",
                        "Shorts: 200.0 s is longer than 180 s",
                        "TikTok: 108x192 is under 540p",
                        "audio codec is null, not AAC");
    }

    @Test
    void soundLongerThanThePictureIsCutToThePicturesLength() throws Exception {
        // Joined AAC clips (Veo's extensions) carry padding: here the sound runs 0.4 s past the last frame.
        Path take = dir.resolve("padded.mp4");
        Ffmpeg.command()
                .lavfi("testsrc2=s=360x640:r=24:d=5")
                .lavfi("sine=f=300:r=48000:d=5.4")
                .map("0:v", "1:a")
                .h264("ultrafast", 35)
                .aac(96)
                .output(take)
                .run();
        Path out = dir.resolve("padded").resolve("final.mp4");
        new FinalRenderer("ultrafast", 35).render(take, null, out);
        assertThat(PublishCheck.facts(out).seconds()).isCloseTo(5.0, within(0.03));
    }

    @Test
    void theCoverIsAPictureNeitherTheBlackOpeningNorTheWhiteFlash() throws Exception {
        Path out = dir.resolve("fades").resolve("final.mp4");
        new FinalRenderer("ultrafast", 35).render(fades(), null, out);
        assertAPicture(FinalRenderer.coverOf(out));
    }

    @Test
    void aDrawnTakesSoundIsEncodedBesideItsPictureAndItsCoverPickedFromTheSameFrames() throws Exception {
        // A composition (the animatic's take.json) drawing the same fades: its cover is picked from the encoded
        // picture's key frames, outside the encode (in the encode, FFmpeg would hold every drawn frame until the end).
        Path fades = fades(), tone = dir.resolve("tone.wav");
        Ffmpeg.command().lavfi("sine=f=300:r=48000:d=8").output(tone).run();
        Path json = Files.createDirectories(dir.resolve("drawn")).resolve("take.json");
        new Composition(List.of("../" + fades.getFileName()), "[0:v]null[take]", "take", "../tone.wav", 8.0)
                .write(json);
        Path out = dir.resolve("drawn").resolve("final.mp4");
        List<String> runs = new ArrayList<>();
        Ffmpeg.listen((label, nanos) -> runs.add(label));
        try {
            new FinalRenderer("ultrafast", 35).render(json, null, out);
        } finally {
            Ffmpeg.listen(null);
        }
        // The sound is measured and encoded beside the picture's encode, not before it; both joined with the cover.
        assertThat(runs).containsExactlyInAnyOrder("encode", "loudness", "sound", "join + cover");
        assertThat(runs).endsWith("join + cover");
        assertThat(runs.indexOf("loudness")).isLessThan(runs.indexOf("sound"));
        assertAPicture(FinalRenderer.coverOf(out));
        double[] loud = ebur128(out);
        assertThat(loud[0]).as("integrated loudness").isCloseTo(-14.0, within(1.0));
        assertThat(loud[1]).as("true peak").isLessThanOrEqualTo(-1.0);
        assertThat(PublishCheck.moovBeforeMdat(out)).as("moov before mdat").isTrue();
        PublishCheck.Facts f = PublishCheck.facts(out);
        assertThat(f.seconds()).isCloseTo(8.0, within(0.03));
        assertThat(f.constantFps()).isTrue();
        try (var left = Files.list(out.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("the picture and sound encoded apart are gone")
                    .containsExactlyInAnyOrder("final.mp4", "cover.jpg", "take.json");
        }
    }

    @Test
    void aDrawnTakeWhoseSoundIsMissingFailsAndLeavesNothingBehind() throws Exception {
        Path fades = fades();
        Path json = Files.createDirectories(dir.resolve("mute")).resolve("take.json");
        new Composition(List.of("../" + fades.getFileName()), "[0:v]null[take]", "take", "../gone.wav", 8.0)
                .write(json);
        Path out = dir.resolve("mute").resolve("final.mp4");
        assertThatThrownBy(() -> new FinalRenderer("ultrafast", 35).render(json, null, out))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("gone.wav");
        try (var left = Files.list(out.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no final.mp4, cover or half-encoded picture")
                    .containsExactly("take.json");
        }
    }

    /** Black, picture, picture, white at the frames the cover is picked from (one every 2 s). */
    private Path fades() throws Exception {
        Path take = dir.resolve("fades.mp4");
        if (Files.exists(take)) return take;
        Ffmpeg.command()
                .lavfi("color=c=black:s=360x640:r=30:d=2")
                .lavfi("testsrc2=s=360x640:r=30:d=4")
                .lavfi("color=c=white:s=360x640:r=30:d=2")
                .filterComplex("[0:v][1:v][2:v]concat=n=3:v=1:a=0[v]")
                .map("[v]")
                .h264("ultrafast", 35)
                .output(take)
                .run();
        return take;
    }

    /** A cover taken from the black opening, the white flash or a fade would fail. */
    private static void assertAPicture(Path coverFile) throws Exception {
        BufferedImage cover = ImageIO.read(coverFile.toFile());
        double sum = 0, squares = 0;
        int n = 0;
        for (int y = 0; y < cover.getHeight(); y += 8) {
            for (int x = 0; x < cover.getWidth(); x += 8) {
                int rgb = cover.getRGB(x, y);
                double luma = 0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255);
                sum += luma;
                squares += luma * luma;
                n++;
            }
        }
        double mean = sum / n, spread = Math.sqrt(squares / n - mean * mean);
        assertThat(mean).as("mean brightness of the cover").isBetween(40.0, 215.0);
        assertThat(spread)
                .as("brightness spread of the cover (a flat frame has none)")
                .isGreaterThan(30.0);
    }

    /** Integrated loudness (LUFS) and true peak (dBTP) as FFmpeg's EBU R128 meter reports them. */
    static double[] ebur128(Path media) throws Exception {
        String log = Ffmpeg.command()
                .input(media)
                .args("-vn")
                .audioFilter("ebur128=peak=true")
                .analyse();
        String summary = log.substring(log.lastIndexOf("Summary:"));
        Matcher i = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(summary);
        Matcher p = Pattern.compile("True peak:\\s+Peak:\\s+(-?[0-9.]+) dBFS").matcher(summary);
        assertThat(i.find()).as(summary).isTrue();
        assertThat(p.find()).as(summary).isTrue();
        return new double[] {Double.parseDouble(i.group(1)), Double.parseDouble(p.group(1))};
    }
}

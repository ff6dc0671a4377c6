package io.reelsmith.render;

import io.reelsmith.kernel.Background;
import io.reelsmith.kernel.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The render stage: from the take to the deliverable — fit into 1080x1920 (scale, pad with black if the take is not
 * 9:16), a constant 30 fps, the karaoke ASS burned in, H.264 yuv420p, AAC normalised to −14 LUFS ({@link Loudness}),
 * index up front (faststart) — and {@code cover.jpg}, picked among the frames at the key frames (one every 2 s). The
 * picture is encoded once: two video passes would cost twice the encode time for nothing.
 *
 * <p>The take is a video file (Veo): one FFmpeg run reads it before ({@link TakeFacts}: the sound measured, the
 * video's packets only listed), then one pass encodes picture and sound and picks the cover, so the finished file
 * is never decoded again. Or a {@link Composition} ({@code take.json}, the animatic): drawn and encoded in the same
 * pass, so a drawn take is encoded exactly once; its sound is measured and encoded beside that pass and joined after
 * it, in the run that picks the cover from the picture's key frames.
 */
public final class FinalRenderer implements Renderer {
    public static final int WIDTH = 1080, HEIGHT = 1920;
    public static final String COVER = "cover.jpg";
    /**
     * The cover: among one frame per key-frame interval, the most representative (FFmpeg's {@code thumbnail}:
     * closest to the average colour histogram, so not a black fade or a flash), converted to JPEG's full range
     * in its own branch — left to FFmpeg, the conversion would be negotiated for the whole graph, every frame.
     */
    static final String COVER_PICK = "thumbnail=n=120,scale,format=yuvj420p";

    /** The cover's output options: the one frame {@link #COVER_PICK} gives, as a JPEG. */
    private static final String[] COVER_OUTPUT = {"-map", "[cover]", "-frames:v", "1", "-q:v", "3", "-update", "1"};

    /** In the encode's pass: the frames at the key frames, one every {@link Ffmpeg#KEY_INTERVAL}. */
    private static final String KEY_FRAMES = "framestep=" + Ffmpeg.KEY_INTERVAL;

    private final String preset;
    private final int crf;

    /** The shipped encode ({@code reelsmith.render.x264}'s default). */
    public FinalRenderer() {
        this("veryfast", 23);
    }

    /** {@code PRESET:CRF}: this render's x264 settings, as {@link #of} reads them. */
    public String x264() {
        return preset + ":" + crf;
    }

    /** {@code PRESET:CRF}, as the setting {@code reelsmith.render.x264} holds it (checked by the configuration). */
    public static FinalRenderer of(String presetAndCrf) {
        String[] p = presetAndCrf.strip().split(":");
        return new FinalRenderer(p[0], Integer.parseInt(p[1]));
    }

    public FinalRenderer(String preset, int crf) {
        this.preset = preset;
        this.crf = crf;
    }

    /** The thumbnail written beside {@code finalVideo}. */
    public static Path coverOf(Path finalVideo) {
        return finalVideo.resolveSibling(COVER);
    }

    /** {@code ass} may be null for a render without subtitles. Writes {@code out} and {@link #coverOf}. */
    @Override
    public void render(Path take, Path ass, Path out) throws IOException {
        if (Composition.isComposition(take)) {
            renderDrawn(take, ass, out);
            return;
        }
        TakeFacts in = TakeFacts.read(take); // no ffprobe: the loudness pass reads the video's packets too
        Ffmpeg cmd = Ffmpeg.command()
                .label("encode + cover")
                .input(take)
                .filterComplex("[0:v:0]" + videoGraph(ass, in.fps()) + ",split[out][frames];[frames]" + KEY_FRAMES + ","
                        + COVER_PICK + "[cover]")
                .map("[out]")
                .publishVideo(preset, crf);
        if (in.hasAudio()) {
            cmd.map("0:a:0");
            soundOptions(cmd, take, in.loudness(), in.videoSeconds());
        }
        cmd.faststart().output(out).alsoOutput(coverOf(out), COVER_OUTPUT).run();
    }

    /**
     * A drawn take: its picture is encoded alone while its sound is measured ({@link Loudness}, the limiter pass when
     * needed) and encoded beside it, then both are joined into {@code out} in the run that picks the cover from the
     * picture's key frames. The sound's work (≈ 0.5 s of measuring before the encode could start, the AAC encode in
     * the encode's own thread) overlaps the picture's encode instead of preceding it. The cover is not picked inside
     * the encode: a drawn graph makes its own frames, and a cover branch that emits only at the end makes FFmpeg draw
     * the whole take before encoding a frame, every frame held in memory (8.8 GB for 57 s).
     */
    private void renderDrawn(Path take, Path ass, Path out) throws IOException {
        Composition c = Composition.read(take);
        Path dir = take.toAbsolutePath().getParent(), audio = dir.resolve(c.audio());
        Path picture = scratch(out, "picture.mp4"), sound = scratch(out, "sound.m4a");
        try {
            CompletableFuture<Long> soundDone = Background.start("render sound", () -> {
                Ffmpeg cmd = Ffmpeg.command().label("sound").input(audio).args("-vn");
                soundOptions(cmd, audio, Loudness.measure(audio), c.seconds());
                cmd.output(sound).run();
            });
            try {
                Ffmpeg cmd = Ffmpeg.command().label("encode");
                for (String input : c.inputs()) cmd.input(dir.resolve(input));
                cmd.filterComplex(c.graph() + ";[" + c.video() + "]" + videoGraph(ass, Ffmpeg.PUBLISH_FPS) + "[out]")
                        .map("[out]")
                        .publishVideo(preset, crf)
                        .output(picture)
                        .run();
            } catch (IOException | RuntimeException e) {
                try {
                    Background.await(
                            soundDone, "encoding the sound"); // never leave its FFmpeg writing after this returns
                } catch (IOException | RuntimeException also) {
                    e.addSuppressed(also);
                }
                throw e;
            }
            Background.await(soundDone, "encoding the sound");
            Ffmpeg.command()
                    .label("join + cover")
                    .input(picture, "-skip_frame", "nokey") // only the cover's branch decodes: the key frames
                    .input(sound)
                    .filterComplex("[0:v]" + COVER_PICK + "[cover]")
                    .map("0:v", "1:a")
                    .args("-c", "copy")
                    .faststart()
                    .output(out)
                    .alsoOutput(coverOf(out), COVER_OUTPUT)
                    .run();
        } finally {
            Files.deleteIfExists(picture);
            Files.deleteIfExists(sound);
        }
    }

    /**
     * The sound of the deliverable: normalised ({@code loudness} null: silent, left as it is), exactly as long as the
     * picture — joined AAC clips (Veo's extensions) carry encoder padding that would otherwise become a silent tail
     * after the last frame — stereo AAC 160 kb/s, 48 kHz.
     */
    private static void soundOptions(Ffmpeg cmd, Path media, Loudness loudness, double seconds) throws IOException {
        String fit = String.format(Locale.ROOT, "apad,atrim=end=%.6f,aformat=channel_layouts=stereo", seconds);
        cmd.audioFilter(loudness != null ? loudness.filter(media) + "," + fit : fit);
        // The fast coder: FFmpeg's own tests found it sounds better than twoloop at high bitrates, for less CPU.
        cmd.aac(160).args("-aac_coder", "fast", "-ar", "48000");
    }

    /** A file of this render beside {@code out}, removed when the render ends. */
    private static Path scratch(Path out, String name) {
        return out.toAbsolutePath().resolveSibling("." + out.getFileName() + "." + name);
    }

    /**
     * Fit into 1080x1920, 30 fps constant, subtitles drawn on the final pixels. They are drawn before the frame
     * rate is made constant when the take has no more frames than that (a repeated frame is a second reference
     * to the same picture: drawing after the repeat would copy every frame first), after it when it has more.
     */
    public static String videoGraph(Path ass, double fps) {
        String fit = "scale=" + WIDTH + ":" + HEIGHT + ":force_original_aspect_ratio=decrease:flags=lanczos," + "pad="
                + WIDTH + ":" + HEIGHT + ":(ow-iw)/2:(oh-ih)/2:color=black,setsar=1";
        String cfr = "fps=" + Ffmpeg.PUBLISH_FPS;
        String subs = ass == null
                ? ""
                : ",ass=" + Ffmpeg.filterQuote(ass.toAbsolutePath().toString());
        return fps > Ffmpeg.PUBLISH_FPS ? cfr + "," + fit + subs : fit + subs + "," + cfr;
    }
}

package io.reelsmith.render;

import io.reelsmith.kernel.Ffmpeg;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The render stage: one FFmpeg pass from the take to the deliverable — fit into 1080x1920 (scale, pad
 * with black if the take is not 9:16), a constant 30 fps, the karaoke ASS burned in, H.264 yuv420p, AAC
 * normalised to −14 LUFS ({@link Loudness}, measured in the one run that reads the take before, {@link TakeFacts}:
 * the sound decoded, the video's packets only listed), index up front (faststart) —
 * and {@code cover.jpg}, picked among the frames at the key frames (one every 2 s): in the same pass for a video
 * take, so the finished file is never decoded again; for a drawn take from the finished file's key frames alone
 * (see {@link #render}). Two video passes would cost twice the encode time for nothing, so everything else happens
 * in this one.
 *
 * <p>The take is a video file (Veo) or a {@link Composition} ({@code take.json}, the animatic): drawn and
 * encoded in the same pass, so a drawn take is encoded exactly once.
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
        Ffmpeg cmd = Ffmpeg.command().label(Composition.isComposition(take) ? "encode" : "encode + cover");
        Path audio;
        String graph, audioStream;
        double seconds;
        Loudness loudness;
        if (Composition.isComposition(take)) {
            Composition c = Composition.read(take);
            Path dir = take.toAbsolutePath().getParent();
            for (String input : c.inputs()) cmd.input(dir.resolve(input));
            audio = dir.resolve(c.audio());
            cmd.input(audio);
            audioStream = c.inputs().size() + ":a:0";
            seconds = c.seconds();
            graph = c.graph() + ";[" + c.video() + "]" + videoGraph(ass, Ffmpeg.PUBLISH_FPS);
            loudness = Loudness.measure(audio);
        } else {
            TakeFacts in = TakeFacts.read(take); // no ffprobe: the loudness pass reads the video's packets too
            cmd.input(take);
            audio = in.hasAudio() ? take : null;
            audioStream = "0:a:0";
            seconds = in.videoSeconds();
            graph = "[0:v:0]" + videoGraph(ass, in.fps());
            loudness = in.loudness();
        }
        // A drawn take's graph makes its own frames: a cover branch that emits only at the end makes FFmpeg draw the
        // whole take before the encoder gets a frame, every frame held in memory (8.8 GB for 57 s). Its cover is
        // picked from the finished file's key frames instead (the same frames, decoded alone: ~0.4 CPU s).
        boolean drawn = Composition.isComposition(take);
        cmd.filterComplex(graph
                        + (drawn
                                ? "[out]"
                                : ",split[out][frames];[frames]" + KEY_FRAMES + "," + COVER_PICK + "[cover]"))
                .map("[out]")
                .publishVideo(preset, crf);
        if (audio != null) {
            cmd.map(audioStream);
            // The sound lasts exactly as long as the picture: joined AAC clips (Veo's extensions) carry encoder
            // padding that would otherwise become a silent tail after the last frame.
            String fit = String.format(Locale.ROOT, "apad,atrim=end=%.6f,aformat=channel_layouts=stereo", seconds);
            cmd.audioFilter(loudness != null ? loudness.filter(audio) + "," + fit : fit);
            // The fast coder: FFmpeg's own tests found it sounds better than twoloop at high bitrates, for less CPU.
            cmd.aac(160).args("-aac_coder", "fast", "-ar", "48000");
        }
        cmd.faststart().output(out);
        if (!drawn) cmd.alsoOutput(coverOf(out), "-map", "[cover]", "-frames:v", "1", "-q:v", "3", "-update", "1");
        cmd.run();
        if (drawn) pickCoverFromKeyFrames(out);
    }

    /** The cover among the finished file's key frames (one every 2 s), only they decoded. */
    private static void pickCoverFromKeyFrames(Path video) throws IOException {
        Ffmpeg.command()
                .label("cover")
                .input(video, "-skip_frame", "nokey")
                .args("-an")
                .videoFilter(COVER_PICK)
                .args("-frames:v", "1", "-q:v", "3", "-update", "1")
                .output(coverOf(video))
                .run();
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

package io.reelsmith.render;

import io.reelsmith.kernel.MediaException;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.Ffmpeg;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.List;

/**
 * The render stage: one FFmpeg pass from the take to the deliverable — fit into 1080x1920 (scale, pad
 * with black if the take is not 9:16), a constant 30 fps, the karaoke ASS burned in, H.264 yuv420p, AAC
 * normalised to −14 LUFS ({@link Loudness}: its analysis pass reads only the audio), index up front
 * (faststart). Then {@code cover.jpg} beside it, chosen among the key frames. Two video passes would cost
 * twice the encode time for nothing, so everything happens in this one.
 *
 * <p>The take is a video file (Veo) or a {@link Composition} ({@code take.json}, the animatic): drawn and
 * encoded in the same pass, so a drawn take is encoded exactly once.
 */
public final class FinalRenderer implements Renderer {
    public static final int WIDTH = 1080, HEIGHT = 1920;
    public static final String COVER = "cover.jpg";
    private final String preset;
    private final int crf;

    public FinalRenderer() {
        this("veryfast", 23);
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
        Ffmpeg cmd = Ffmpeg.command();
        Path audio;
        double seconds;
        if (Composition.isComposition(take)) {
            Composition c = Composition.read(take);
            Path dir = take.toAbsolutePath().getParent();
            for (String input : c.inputs()) cmd.input(dir.resolve(input));
            audio = dir.resolve(c.audio());
            seconds = c.seconds();
            cmd.input(audio).filterComplex(c.graph() + ";[" + c.video() + "]" + videoGraph(ass) + "[out]")
                    .map("[out]", c.inputs().size() + ":a:0");
        } else {
            MediaInfo in = MediaInfo.probe(take);
            if (in.videoCodec() == null) throw new MediaException(take.getFileName() + " has no video stream");
            cmd.input(take).videoFilter(videoGraph(ass)).map("0:v:0");
            audio = in.hasAudio() ? take : null;
            seconds = videoSeconds(take, in.seconds());
            if (audio != null) cmd.map("0:a:0");
        }
        cmd.publishVideo(preset, crf);
        if (audio != null) {
            Loudness loudness = Loudness.measure(audio);
            // The sound lasts exactly as long as the picture: joined AAC clips (Veo's extensions) carry
            // encoder padding that would otherwise become a silent tail after the last frame.
            String fit = String.format(Locale.ROOT, "apad,atrim=end=%.6f", seconds);
            cmd.audioFilter(loudness != null ? loudness.filter() + "," + fit : fit);
            cmd.aac(160).args("-ar", "48000");
        }
        cmd.faststart().output(out).run();
        writeCover(out, coverOf(out));
    }

    /** The video stream's own length (the container's may include a longer audio stream). */
    static double videoSeconds(Path media, double fallback) throws IOException {
        String d = Ffmpeg.exec(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=duration",
                "-of", "csv=p=0", media.toString()), 60).strip();
        try {
            return Double.parseDouble(d);
        } catch (NumberFormatException e) {
            return fallback; // e.g. Matroska keeps no per-stream duration
        }
    }

    /**
     * The most representative key frame (FFmpeg's {@code thumbnail}: closest to the average colour
     * histogram, so not a black fade or a flash). Only key frames are decoded: one every 2 s at most.
     */
    public static void writeCover(Path video, Path cover) throws IOException {
        Ffmpeg.command().input(video, "-skip_frame", "nokey").videoFilter("thumbnail=n=120")
                .args("-an", "-frames:v", "1", "-q:v", "3", "-update", "1").output(cover).run();
    }

    /** Fit into 1080x1920, 30 fps constant, subtitles last (drawn on the final pixels and frames). */
    public static String videoGraph(Path ass) {
        String fit = "scale=" + WIDTH + ":" + HEIGHT + ":force_original_aspect_ratio=decrease:flags=lanczos,"
                + "pad=" + WIDTH + ":" + HEIGHT + ":(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=" + Ffmpeg.PUBLISH_FPS;
        return ass == null ? fit : fit + ",ass=" + Ffmpeg.filterQuote(ass.toAbsolutePath().toString());
    }
}

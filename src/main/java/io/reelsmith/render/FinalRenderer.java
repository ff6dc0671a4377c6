package io.reelsmith.render;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The render stage: one FFmpeg pass from the take to the deliverable — fit into 1080x1920 (scale, pad
 * with black if the take is not 9:16), burn the karaoke ASS, H.264 yuv420p + AAC, index up front.
 * Two passes would cost twice the encode time for nothing, so everything happens in this one.
 */
public final class FinalRenderer {
    public static final int WIDTH = 1080, HEIGHT = 1920;
    private final String preset;
    private final int crf;

    public FinalRenderer() {
        this("veryfast", 23);
    }

    public FinalRenderer(String preset, int crf) {
        this.preset = preset;
        this.crf = crf;
    }

    /** {@code ass} may be null for a render without subtitles. */
    public void render(Path take, Path ass, Path out) throws IOException {
        MediaInfo in = MediaInfo.probe(take);
        if (in.videoCodec() == null) throw new MediaException(take.getFileName() + " has no video stream");
        Ffmpeg cmd = Ffmpeg.command().input(take).videoFilter(videoGraph(ass)).map("0:v:0").h264(preset, crf);
        if (in.hasAudio()) {
            cmd.map("0:a:0");
            // AAC from the take (animatic, Veo) is kept as is; anything else becomes AAC.
            if ("aac".equals(in.audioCodec())) cmd.args("-c:a", "copy"); else cmd.aac(160);
        }
        cmd.faststart().output(out).run();
    }

    public static String videoGraph(Path ass) {
        String fit = "scale=" + WIDTH + ":" + HEIGHT + ":force_original_aspect_ratio=decrease:flags=lanczos,"
                + "pad=" + WIDTH + ":" + HEIGHT + ":(ow-iw)/2:(oh-ih)/2:color=black,setsar=1";
        return ass == null ? fit : fit + ",ass=" + Ffmpeg.filterQuote(ass.toAbsolutePath().toString());
    }
}

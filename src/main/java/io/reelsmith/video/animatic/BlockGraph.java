package io.reelsmith.video.animatic;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.render.FinalRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A block's sound and picture: the audio mix (speech over the sound bed, cut to exactly the block's
 * samples, kept as WAV so the take is joined without codec gaps) is run now; the picture — the painted
 * background panned by a moving crop, the figures overlaid with their motion expressions — is only
 * described, as a filter graph segment that the final render draws and encodes in its one pass. Still
 * images are decoded once and repeated with {@code loop}: nothing is drawn per frame in Java.
 */
final class BlockGraph {
    /** Drawn at 720x1280 (the layout's coordinates), delivered at 1080x1920, at the published frame rate. */
    static final int WIDTH = 720, HEIGHT = 1280, FPS = Ffmpeg.PUBLISH_FPS;

    static final int OUT_WIDTH = FinalRenderer.WIDTH, OUT_HEIGHT = FinalRenderer.HEIGHT;
    static final String SCALE_FLAGS = "bicubic";

    private BlockGraph() {}

    /** Speech + bed → a 48 kHz stereo WAV of exactly {@code frames} video frames' length. */
    static void mixAudio(Path speech, List<SoundBed.Layer> bed, boolean echo, int frames, Path out) throws IOException {
        long samples = (long) frames * SoundBed.RATE / FPS;
        double seconds = frames / (double) FPS;
        Ffmpeg cmd = Ffmpeg.command().label("block sound mix").input(speech);
        for (SoundBed.Layer l : bed) cmd.lavfi(l.source());
        StringBuilder g = new StringBuilder("[0:a]aresample=" + SoundBed.RATE
                + ",aformat=sample_fmts=fltp:channel_layouts=mono,apad=whole_len=" + samples + "[speech];");
        for (int i = 0; i < bed.size(); i++) g.append("[").append(i + 1).append(":a]");
        g.append("amix=inputs=").append(bed.size()).append(":normalize=0:duration=longest");
        if (echo) g.append(",aecho=0.8:0.6:180|330:0.3|0.2");
        // Short fades at the block's edges: beds change at each cut and must not click.
        g.append(String.format(
                Locale.ROOT,
                ",afade=t=in:d=0.25,afade=t=out:st=%.3f:d=0.3,apad=whole_len=%d[bed];",
                Math.max(0, seconds - 0.3),
                samples));
        g.append("[speech][bed]amix=inputs=2:normalize=0:duration=first,atrim=end_sample=")
                .append(samples)
                .append(",aformat=sample_fmts=s16:channel_layouts=stereo[a]");
        cmd.filterComplex(g.toString())
                .map("[a]")
                .args("-c:a", "pcm_s16le", "-ar", String.valueOf(SoundBed.RATE))
                .output(out)
                .timeout(300)
                .run();
    }

    /**
     * The block's picture as a filter graph segment (no encode): 720x1280, {@link #FPS} fps, exactly
     * {@code frames} frames, ending in the label {@code [bN]}. {@code weather} (falling rain or snow) may be null.
     */
    static BlockSegment segment(
            int block,
            Path background,
            String panX,
            String panY,
            List<Figure> figures,
            Path shadow,
            Path weather,
            String weatherY,
            int frames) {
        String p = "b" + block;
        List<Path> inputs = new ArrayList<>();
        inputs.add(background);
        for (Figure f : figures) inputs.add(f.sprites());
        int shadowInput = figures.size() + 1;
        inputs.add(shadow);
        int weatherInput = weather == null ? -1 : inputs.size();
        if (weather != null) inputs.add(weather);
        // Every looped still gets the 1/30 s time base before frames are numbered: in the images' own 1/25
        // time base N/30 s rounds, and the final fps filter would drop and repeat frames.
        StringBuilder g = new StringBuilder();
        g.append(in(p, 0))
                .append("format=yuv420p,loop=loop=-1:size=1:start=0,settb=1/")
                .append(FPS)
                .append(",setpts=N,crop=")
                .append(WIDTH)
                .append(":")
                .append(HEIGHT)
                .append(":x='")
                .append(panX)
                .append("':y='")
                .append(panY)
                .append("'[")
                .append(p)
                .append("bg];");
        String previous = p + "bg";
        if (weather != null) {
            g.append(in(p, weatherInput))
                    .append("format=yuva420p,loop=loop=-1:size=1:start=0,settb=1/")
                    .append(FPS)
                    .append(",setpts=N,crop=")
                    .append(WIDTH)
                    .append(":")
                    .append(HEIGHT)
                    .append(":0:'")
                    .append(weatherY)
                    .append("'[")
                    .append(p)
                    .append("wx];[")
                    .append(previous)
                    .append("][")
                    .append(p)
                    .append("wx]overlay=format=yuv420[")
                    .append(p)
                    .append("bgw];");
            previous = p + "bgw";
        }
        g.append(in(p, shadowInput)).append("format=yuva420p,split=").append(figures.size());
        for (int i = 0; i < figures.size(); i++)
            g.append("[").append(p).append("sh").append(i).append("]");
        g.append(";");
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            // A soft shadow on the ground where the feet stand: it stays put while the figure hops.
            int sw = Math.max(2, (int) (f.width() * 0.7) & ~1), sh = Math.max(2, (int) (f.width() * 0.12) & ~1);
            g.append("[")
                    .append(p)
                    .append("sh")
                    .append(i)
                    .append("]scale=")
                    .append(sw)
                    .append(":")
                    .append(sh)
                    .append(",loop=loop=-1:size=1:start=0,settb=1/")
                    .append(FPS)
                    .append(",setpts=N[")
                    .append(p)
                    .append("s")
                    .append(i)
                    .append("];");
            g.append("[")
                    .append(previous)
                    .append("][")
                    .append(p)
                    .append("s")
                    .append(i)
                    .append("]overlay=x=")
                    .append(f.centerX() - sw / 2)
                    .append(":y=")
                    .append(f.feetY() - sh * 2 / 3)
                    .append(":format=yuv420[")
                    .append(p)
                    .append("g")
                    .append(i)
                    .append("];");
            previous = p + "g" + i;
            int rw = f.rotatedWidth(), rh = f.rotatedHeight();
            // The sheet holds the figure pre-rotated; the crop picks the cell of the current angle.
            g.append(in(p, i + 1))
                    .append("format=yuva420p,loop=loop=-1:size=1:start=0,settb=1/")
                    .append(FPS)
                    .append(",setpts=N,")
                    .append("crop=")
                    .append(rw)
                    .append(":")
                    .append(rh)
                    .append(":0:'")
                    .append(SpriteSheet.cellOffset(f.motion().angle(), rh))
                    .append("'[")
                    .append(p)
                    .append("f")
                    .append(i)
                    .append("];");
            int x = f.centerX() - rw / 2, y = f.feetY() - f.height() / 2 - rh / 2;
            g.append("[")
                    .append(previous)
                    .append("][")
                    .append(p)
                    .append("f")
                    .append(i)
                    .append("]overlay=x=")
                    .append(x)
                    .append(":y='")
                    .append(y)
                    .append("+")
                    .append(f.motion().yOffset())
                    .append("':eval=frame:format=yuv420[")
                    .append(p)
                    .append("v")
                    .append(i + 1)
                    .append("];");
            previous = p + "v" + (i + 1);
        }
        // Exactly the block's frames, then the final size (drawn small, scaled once per frame: cheaper than drawing
        // big).
        g.append("[")
                .append(previous)
                .append("]trim=end_frame=")
                .append(frames)
                .append(",setpts=PTS-STARTPTS,scale=")
                .append(OUT_WIDTH)
                .append(":")
                .append(OUT_HEIGHT)
                .append(":flags=")
                .append(SCALE_FLAGS)
                .append(",setsar=1[")
                .append(p)
                .append("]");
        return new BlockSegment(
                frames, inputs.stream().map(f -> f.getFileName().toString()).toList(), g.toString(), p);
    }

    /** Input {@code i} of block segment {@code p}, a placeholder the take's assembler numbers. */
    static String in(String p, int i) {
        return "[" + p + "in" + i + "]";
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.4f", s);
    }
}

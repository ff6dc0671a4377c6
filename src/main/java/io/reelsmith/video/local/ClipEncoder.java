package io.reelsmith.video.local;

import io.reelsmith.render.Ffmpeg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The two FFmpeg runs of a block: the audio mix (speech over the sound bed, cut to exactly the block's
 * samples, kept as WAV so the take can be joined without codec gaps), then the clip itself — the painted
 * background panned by a moving crop, the figures overlaid with their motion expressions, the mixed audio as
 * AAC. Still images are decoded once and repeated with {@code loop}: nothing is drawn per frame in Java.
 */
final class ClipEncoder {
    static final int WIDTH = 720, HEIGHT = 1280, FPS = 24;
    private final String preset;
    private final int crf;

    ClipEncoder(String preset, int crf) {
        this.preset = preset;
        this.crf = crf;
    }

    /** Speech + bed → a 48 kHz stereo WAV of exactly {@code frames} video frames' length. */
    void mixAudio(Path speech, List<SoundBed.Layer> bed, boolean echo, int frames, Path out) throws IOException {
        long samples = (long) frames * SoundBed.RATE / FPS;
        double seconds = frames / (double) FPS;
        Ffmpeg cmd = Ffmpeg.command().input(speech);
        for (SoundBed.Layer l : bed) cmd.lavfi(l.source());
        StringBuilder g = new StringBuilder("[0:a]aresample=" + SoundBed.RATE + ",aformat=sample_fmts=fltp:channel_layouts=mono,apad=whole_len=" + samples + "[speech];");
        for (int i = 0; i < bed.size(); i++) g.append("[").append(i + 1).append(":a]");
        g.append("amix=inputs=").append(bed.size()).append(":normalize=0:duration=longest");
        if (echo) g.append(",aecho=0.8:0.6:180|330:0.3|0.2");
        // Short fades at the block's edges: beds change at each cut and must not click.
        g.append(String.format(Locale.ROOT, ",afade=t=in:d=0.25,afade=t=out:st=%.3f:d=0.3,apad=whole_len=%d[bed];", Math.max(0, seconds - 0.3), samples));
        g.append("[speech][bed]amix=inputs=2:normalize=0:duration=first,atrim=end_sample=").append(samples)
                .append(",aformat=sample_fmts=s16:channel_layouts=stereo[a]");
        cmd.filterComplex(g.toString()).map("[a]").args("-c:a", "pcm_s16le", "-ar", String.valueOf(SoundBed.RATE)).output(out).timeout(300).run();
    }

    /** The block's clip: 720x1280, 24 fps, exactly {@code frames} frames, H.264 + AAC. */
    /** {@code weather} (falling rain or snow) may be null. */
    void encodeVideo(Path background, String panX, String panY, List<Figure> figures, Path shadow, Path weather, String weatherY,
                     Path audio, int frames, Path out) throws IOException {
        Ffmpeg cmd = Ffmpeg.command().input(background);
        for (Figure f : figures) cmd.input(f.sprites());
        int shadowInput = figures.size() + 1, next = shadowInput + 1;
        cmd.input(shadow);
        int weatherInput = weather == null ? -1 : next++;
        if (weather != null) cmd.input(weather);
        int audioInput = next;
        cmd.input(audio);
        StringBuilder g = new StringBuilder();
        g.append("[0:v]format=yuv420p,loop=loop=-1:size=1:start=0,setpts=N/").append(FPS).append("/TB,crop=").append(WIDTH).append(":").append(HEIGHT)
                .append(":x='").append(panX).append("':y='").append(panY).append("'[bg];");
        String previous = "bg";
        if (weather != null) {
            g.append("[").append(weatherInput).append(":v]format=yuva420p,loop=loop=-1:size=1:start=0,setpts=N/").append(FPS).append("/TB,crop=")
                    .append(WIDTH).append(":").append(HEIGHT).append(":0:'").append(weatherY).append("'[wx];[bg][wx]overlay=format=yuv420[bgw];");
            previous = "bgw";
        }
        g.append("[").append(shadowInput).append(":v]format=yuva420p,split=").append(figures.size());
        for (int i = 0; i < figures.size(); i++) g.append("[sh").append(i).append("]");
        g.append(";");
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            // A soft shadow on the ground where the feet stand: it stays put while the figure hops.
            int sw = Math.max(2, (int) (f.width() * 0.7) & ~1), sh = Math.max(2, (int) (f.width() * 0.12) & ~1);
            g.append("[sh").append(i).append("]scale=").append(sw).append(":").append(sh).append(",loop=loop=-1:size=1:start=0,setpts=N/").append(FPS).append("/TB[s").append(i).append("];");
            g.append("[").append(previous).append("][s").append(i).append("]overlay=x=").append(f.centerX() - sw / 2).append(":y=").append(f.feetY() - sh * 2 / 3)
                    .append(":format=yuv420[g").append(i).append("];");
            previous = "g" + i;
            int rw = f.rotatedWidth(), rh = f.rotatedHeight();
            // The sheet holds the figure pre-rotated; the crop picks the cell of the current angle.
            g.append("[").append(i + 1).append(":v]format=yuva420p,loop=loop=-1:size=1:start=0,setpts=N/").append(FPS).append("/TB,")
                    .append("crop=").append(rw).append(":").append(rh).append(":0:'").append(SpriteSheet.cellOffset(f.motion().angle(), rh)).append("'[f").append(i).append("];");
            int x = f.centerX() - rw / 2, y = f.feetY() - f.height() / 2 - rh / 2;
            g.append("[").append(previous).append("][f").append(i).append("]overlay=x=").append(x).append(":y='").append(y).append("+").append(f.motion().yOffset())
                    .append("':eval=frame:format=yuv420[v").append(i + 1).append("];");
            previous = "v" + (i + 1);
        }
        g.setLength(g.length() - 1);
        cmd.filterComplex(g.toString()).map("[v" + figures.size() + "]", audioInput + ":a")
                .args("-frames:v", String.valueOf(frames), "-r", String.valueOf(FPS))
                .h264(preset, crf).aac(128).args("-aac_coder", "fast").timeout(900).output(out);
        if (AnimaticMaker.DEBUG) java.nio.file.Files.writeString(background.resolveSibling("encode.cmd"), String.join(" ", cmd.commandLine()) + "\n");
        cmd.run();
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.4f", s);
    }
}

package io.reelsmith.video;

import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Joins the clips of one take. Where a clip was generated from the previous one's last frame (a first-frame
 * image-to-video restart), that frame would show twice, so the clip loses its first frame (and the same 1/fps of
 * audio) and the audio at that join gets a 5 ms fade out/in, so the waveform meets at zero instead of clicking.
 * One encode, constant frame rate: no gap, no duplicated frame, one take.
 */
public final class SharedFrameJoin {
    private static final double FADE_SECONDS = 0.005;

    private SharedFrameJoin() {}

    /** The last frame of {@code video} as a PNG (what the next segment starts from). */
    public static Path lastFrame(Path video, Path png) throws IOException {
        // -sseof seeks near the end; -update 1 keeps overwriting one image, so the file ends as the very last frame.
        Ffmpeg.command()
                .input(video, "-sseof", "-1")
                .args("-update", "1", "-frames:v", "1000")
                .output(png)
                .run();
        if (!Files.exists(png)) throw new IOException("no last frame could be read from " + video);
        return png;
    }

    /**
     * One clip of a take: its file, its planned length, and whether its first frame is the last frame of the clip
     * before it (a restart from that frame: the frame is dropped here so it shows once).
     */
    public record Piece(Path file, double seconds, boolean sharesFirstFrame) {}

    /**
     * Joins the clips in one encode. Each is cut to its planned frame count (a container whose audio runs a few ms past
     * the video would make concat wait, and the encoder fill the wait with a duplicated frame); a clip that shares its
     * first frame loses it and the same 1/fps of audio, and its audio meets the clip before through a 5 ms fade out/in.
     * Clips that continue one another (an extension's new seconds after the answer before) meet as they are.
     */
    public static void join(List<Piece> pieces, double fps, Path out) throws IOException {
        if (pieces.isEmpty()) throw new IllegalArgumentException("no clips to join");
        Files.createDirectories(out.toAbsolutePath().getParent());
        if (pieces.size() == 1) {
            Path tmp = out.resolveSibling("." + out.getFileName() + ".part");
            Files.copy(pieces.get(0).file(), tmp, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.moveAtomically(tmp, out);
            return;
        }
        Ffmpeg f = Ffmpeg.command();
        StringBuilder graph = new StringBuilder();
        StringBuilder concat = new StringBuilder();
        String frame = String.format(Locale.ROOT, "%.6f", 1 / fps);
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            f.input(p.file());
            boolean drop = i > 0 && p.sharesFirstFrame();
            boolean fadeOut = i + 1 < pieces.size() && pieces.get(i + 1).sharesFirstFrame();
            long frames = Math.round(p.seconds() * fps);
            String end = String.format(Locale.ROOT, "%.6f", frames / fps);
            graph.append(String.format(
                    Locale.ROOT,
                    "[%d:v]trim=start_frame=%d:end_frame=%d,setpts=PTS-STARTPTS[v%d];",
                    i,
                    drop ? 1 : 0,
                    frames,
                    i));
            double audioLength = (frames - (drop ? 1 : 0)) / fps;
            StringBuilder a = new StringBuilder(String.format(
                    Locale.ROOT, "[%d:a]atrim=start=%s:end=%s,asetpts=PTS-STARTPTS", i, drop ? frame : "0", end));
            if (drop) a.append(String.format(Locale.ROOT, ",afade=t=in:st=0:d=%.3f", FADE_SECONDS));
            if (fadeOut)
                a.append(String.format(
                        Locale.ROOT,
                        ",afade=t=out:st=%.6f:d=%.3f",
                        Math.max(0, audioLength - FADE_SECONDS),
                        FADE_SECONDS));
            graph.append(a).append(String.format(Locale.ROOT, "[a%d];", i));
            concat.append(String.format(Locale.ROOT, "[v%d][a%d]", i, i));
        }
        graph.append(concat).append("concat=n=").append(pieces.size()).append(":v=1:a=1[v][a]");
        Path tmp = out.resolveSibling("." + out.getFileName() + ".part.mp4");
        f.filterComplex(graph.toString())
                .map("[v]", "[a]")
                .h264("veryfast", 16)
                .args("-r", trimFps(fps))
                .aac(192)
                .faststart()
                .output(tmp)
                .timeout(600)
                .run();
        AtomicFiles.moveAtomically(tmp, out);
    }

    private static String trimFps(double fps) {
        return fps == Math.rint(fps) ? String.valueOf((long) fps) : String.format(Locale.ROOT, "%.3f", fps);
    }
}

package io.reelsmith.video;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.Files2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Joins segments of one take where each later segment was generated from the previous one's last frame (a
 * first-frame image-to-video continuation). That frame would show twice, so each later segment loses its first
 * frame (and the same 1/fps of audio); the audio at each join gets a 5 ms fade out/in, so the waveform meets at
 * zero instead of clicking. One encode, constant frame rate: no gap, no duplicated frame, one take.
 */
public final class SharedFrameJoin {
    private static final double FADE_SECONDS = 0.005;

    private SharedFrameJoin() { }

    /** The last frame of {@code video} as a PNG (what the next segment starts from). */
    public static Path lastFrame(Path video, Path png) throws IOException {
        // -sseof seeks near the end; -update 1 keeps overwriting one image, so the file ends as the very last frame.
        Ffmpeg.command().input(video, "-sseof", "-1").args("-update", "1", "-frames:v", "1000").output(png).run();
        if (!Files.exists(png)) throw new IOException("no last frame could be read from " + video);
        return png;
    }

    /** {@code segments}: each segment's whole video, in order; {@code fps}: their frame rate; {@code seconds}: each one's planned length. */
    public static void join(List<Path> segments, double fps, double[] seconds, Path out) throws IOException {
        if (segments.size() == 1) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Path tmp = out.resolveSibling("." + out.getFileName() + ".part");
            Files.copy(segments.get(0), tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files2.moveAtomically(tmp, out);
            return;
        }
        Ffmpeg f = Ffmpeg.command();
        StringBuilder graph = new StringBuilder();
        StringBuilder concat = new StringBuilder();
        String frame = String.format(Locale.ROOT, "%.6f", 1 / fps);
        for (int i = 0; i < segments.size(); i++) {
            f.input(segments.get(i));
            boolean first = i == 0, last = i == segments.size() - 1;
            // Cut every stream to the segment's exact frame count: a container whose audio runs a few ms past the
            // video would make concat wait, and the encoder fill the wait with a duplicated frame.
            long frames = Math.round(seconds[i] * fps);
            String end = String.format(Locale.ROOT, "%.6f", frames / fps);
            graph.append(String.format(Locale.ROOT, "[%d:v]trim=start_frame=%d:end_frame=%d,setpts=PTS-STARTPTS[v%d];", i, first ? 0 : 1, frames, i));
            double audioLength = (frames - (first ? 0 : 1)) / fps;
            StringBuilder a = new StringBuilder(String.format(Locale.ROOT, "[%d:a]atrim=start=%s:end=%s,asetpts=PTS-STARTPTS", i, first ? "0" : frame, end));
            if (!first) a.append(String.format(Locale.ROOT, ",afade=t=in:st=0:d=%.3f", FADE_SECONDS));
            if (!last) a.append(String.format(Locale.ROOT, ",afade=t=out:st=%.6f:d=%.3f", Math.max(0, audioLength - FADE_SECONDS), FADE_SECONDS));
            graph.append(a).append(String.format(Locale.ROOT, "[a%d];", i));
            concat.append(String.format(Locale.ROOT, "[v%d][a%d]", i, i));
        }
        graph.append(concat).append("concat=n=").append(segments.size()).append(":v=1:a=1[v][a]");
        f.filterComplex(graph.toString()).map("[v]", "[a]").h264("veryfast", 16).args("-r", trimFps(fps)).aac(192)
                .faststart().output(out).timeout(600).run();
    }

    private static String trimFps(double fps) {
        return fps == Math.rint(fps) ? String.valueOf((long) fps) : String.format(Locale.ROOT, "%.3f", fps);
    }
}

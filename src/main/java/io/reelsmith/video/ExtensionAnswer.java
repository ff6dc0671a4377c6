package io.reelsmith.video;

import io.reelsmith.google.GoogleException;
import io.reelsmith.google.GoogleModels;
import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.render.Frames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An extension's answer read for what it is. Google answers one video: the input's kept tail followed by the new
 * seconds ("concatenates it onto up to the last 30 seconds of the input video", Agent Platform's "Extend videos",
 * https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/video/extend-videos, read 2026-12-07; for Veo
 * "the input … can be extended by 7 seconds (up to 37 seconds total)"). Which one it is, is decided from the answer's
 * own length against its input's: the whole video so far as the catalogue's rule says, or (were Google to answer so)
 * only the new seconds; an answer that fits neither (e.g. shorter than what was billed) fails the step with a reason.
 * Either way the block's clip is the answer's last {@code seconds}, cut on a frame boundary with the same span of audio,
 * so the joined take shows every block once.
 */
public final class ExtensionAnswer {
    public enum Reading {
        WHOLE,
        NEW_ONLY
    }

    /** How far an answer's length may be from a reading's: a few frames of container rounding, never a second. */
    static final double TOLERANCE_SECONDS = 0.25;

    private ExtensionAnswer() {}

    /**
     * {@code what}: the step in a user's words ("block 3"); {@code answerSeconds}: the answer's picture length;
     * {@code inputSeconds}: the video it extends; {@code seconds}: the new (billed) seconds.
     */
    public static Reading read(
            String what, double answerSeconds, double inputSeconds, int seconds, GoogleModels.Extension rule)
            throws GoogleException {
        double whole = rule.answerSeconds(inputSeconds, seconds);
        if (Math.abs(answerSeconds - whole) <= TOLERANCE_SECONDS) return Reading.WHOLE;
        if (Math.abs(answerSeconds - seconds) <= TOLERANCE_SECONDS) return Reading.NEW_ONLY;
        String expected = String.format(
                Locale.ROOT,
                "the whole video (%s s: the input's last %s s and the %d new ones) or the %d new seconds alone",
                fmt(whole),
                fmt(whole - seconds),
                seconds,
                seconds);
        String size =
                answerSeconds < seconds - TOLERANCE_SECONDS ? "shorter than the " + seconds + " s billed" : "neither";
        throw new GoogleException(String.format(
                Locale.ROOT,
                "%s: Google's answer to extending a %s s video by %d s is %s s long, %s; expected %s."
                        + " It cannot be cut without repeating or losing frames; regenerate from this block to make it anew (it is paid again)",
                what,
                fmt(inputSeconds),
                seconds,
                fmt(answerSeconds),
                size,
                expected));
    }

    /** Reads the answer, then writes its last {@code seconds} (frames and audio) to {@code clip}, atomically. */
    public static Reading cut(
            String what, Path answer, double inputSeconds, int seconds, GoogleModels.Extension rule, int fps, Path clip)
            throws IOException {
        double length = Frames.videoSeconds(answer);
        Reading r = read(what, length, inputSeconds, seconds, rule);
        tail(answer, length, seconds, fps, clip);
        return r;
    }

    /** The last {@code seconds} of a video of {@code length} s: whole frames, and the audio of exactly those frames. */
    static void tail(Path video, double length, int seconds, int fps, Path out) throws IOException {
        long frames = Math.round(length * fps), keep = (long) seconds * fps, from = Math.max(0, frames - keep);
        String start = String.format(Locale.ROOT, "%.6f", (double) from / fps),
                end = String.format(Locale.ROOT, "%.6f", (double) frames / fps);
        Path tmp = out.resolveSibling("." + out.getFileName() + ".part.mp4");
        Ffmpeg.command()
                .input(video)
                .filterComplex("[0:v]trim=start_frame=" + from + ":end_frame=" + frames + ",setpts=PTS-STARTPTS[v];"
                        + "[0:a]atrim=start=" + start + ":end=" + end + ",asetpts=PTS-STARTPTS[a]")
                .map("[v]", "[a]")
                .h264("veryfast", 16)
                .args("-r", String.valueOf(fps))
                .aac(192)
                .faststart()
                .output(tmp)
                .run();
        AtomicFiles.moveAtomically(tmp, out);
    }

    private static String fmt(double s) {
        return Math.abs(s - Math.rint(s)) < 0.005
                ? String.valueOf((long) Math.rint(s))
                : String.format(Locale.ROOT, "%.2f", s);
    }
}

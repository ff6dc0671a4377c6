package io.reelsmith.video.animatic;

import io.reelsmith.kernel.Word;
import java.util.List;
import java.util.Locale;

/**
 * FFmpeg expressions (of {@code t}, seconds into the block) that animate one figure: a slow idle breath
 * always, and while the figure speaks a hop per spoken word and a tilt per line, timed on the TTS word
 * times so the motion follows the voice. Evaluated per frame by FFmpeg: no per-frame work in Java.
 */
final class CharacterMotion {
    /** How high a word makes the figure hop, and how far a line tilts it, at figure height 1000 px. */
    private static final double HOP = 0.035, TILT = 0.06, BREATH = 0.007, SWAY = 0.012;

    private final List<Word> words;
    private final List<double[]> lines;
    private final double height;
    private final double phase;

    /**
     * @param words  the words this figure says, times from the block start
     * @param lines  {start, end} of each line it says
     * @param height the figure's height on screen, which scales the motion
     * @param phase  offsets the idle cycle so two figures do not breathe in step
     */
    CharacterMotion(List<Word> words, List<double[]> lines, double height, double phase) {
        this.words = List.copyOf(words);
        this.lines = List.copyOf(lines);
        this.height = height;
        this.phase = phase;
    }

    /** Vertical offset in pixels (negative = up): breathing plus one hop per word. */
    String yOffset() {
        StringBuilder e = new StringBuilder(num(BREATH * height))
                .append("*sin(2*PI*(t+")
                .append(num(phase))
                .append(")/2.8)");
        for (Word w : words) {
            double d = Math.max(0.08, w.end() - w.start());
            e.append("-")
                    .append(num(HOP * height))
                    .append("*between(t,")
                    .append(num(w.start()))
                    .append(",")
                    .append(num(w.start() + d))
                    .append(")*sin(PI*(t-")
                    .append(num(w.start()))
                    .append(")/")
                    .append(num(d))
                    .append(")");
        }
        return e.toString();
    }

    /** Rotation in radians: a slight idle sway, and a livelier rocking during each line. */
    String angle() {
        StringBuilder e = new StringBuilder(num(SWAY))
                .append("*sin(2*PI*(t+")
                .append(num(phase))
                .append(")/3.6)");
        for (double[] l : lines) {
            e.append("+")
                    .append(num(TILT))
                    .append("*between(t,")
                    .append(num(l[0]))
                    .append(",")
                    .append(num(l[1]))
                    .append(")*sin(2*PI*1.6*(t-")
                    .append(num(l[0]))
                    .append("))");
        }
        return e.toString();
    }

    /** The largest tilt the angle expression can reach, to size the rotated canvas. */
    static double maxAngle() {
        return SWAY + TILT;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}

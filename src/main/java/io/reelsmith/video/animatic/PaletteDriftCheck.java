package io.reelsmith.video.animatic;

import io.reelsmith.kernel.Step;
import io.reelsmith.video.DriftCheck;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The local drift check, free and deterministic: are the character's colours in the middle of the block's frames?
 * The reference's palette is a coarse colour histogram (8 levels a channel, 512 bins) of its figure: the pixels that
 * are neither transparent, nor the colour of its border (its backdrop), nor grey (outlines and eyes, which every
 * drawn character has). The frame's is the same histogram of the
 * window (half the width, a third of the height) that shows the palette best. The score is the share of the palette the window shows, each colour
 * counted as present once the window holds at least {@link #COVER} of the amount the reference has:
 * {@code Σ p[b]·min(1, w[b] / (COVER·p[b]))}, the best reference per frame, averaged over the frames.
 *
 * <p>Why it is a fair proxy here: a recurring character is recognised first by its colours (skin, fur, outfit),
 * which survive scaling, motion, compression and a painted scene, while a different character brings another
 * palette; shape is not compared, so two characters dressed alike would pass (the Gemini check looks at them).
 */
public final class PaletteDriftCheck implements DriftCheck {
    static final int LEVELS = 8, BINS = LEVELS * LEVELS * LEVELS;
    /** The character is taken to fill at least this share of the window that shows it. */
    static final double COVER = 0.15;
    /** Black, white and greys: outlines, eyes and teeth every drawn character has, so they tell nobody apart. */
    private static final boolean[] GREYS = new boolean[BINS];

    static {
        for (int v = 0; v < LEVELS; v++) GREYS[(v * LEVELS + v) * LEVELS + v] = true;
    }

    /** Pixels sampled per side of an image: enough for 64 bins, cheap for any size. */
    private static final int SAMPLES = 96;

    @Override
    public Score compare(Step step, List<Path> frames, List<Path> references) throws IOException {
        if (frames.isEmpty() || references.isEmpty())
            throw new IllegalArgumentException("the drift check needs frames and a reference image");
        double[][] palettes = new double[references.size()][];
        for (int i = 0; i < references.size(); i++) palettes[i] = palette(read(references.get(i)));
        // a grey or blank reference has no colour to look for: nothing tells it apart, so nothing is re-made for it
        if (Arrays.stream(palettes).allMatch(p -> Arrays.stream(p).sum() == 0)) {
            return new Score(1, "the character has no colours to compare (grey or blank): not checked");
        }
        double sum = 0;
        for (Path f : frames) {
            BufferedImage frame = read(f);
            double best = 0;
            for (double[] p : palettes) best = Math.max(best, bestWindow(p, frame));
            sum += best;
        }
        double score = sum / frames.size();
        return new Score(
                score,
                String.format(
                        Locale.ROOT,
                        "%.0f%% of the character's colours are in the frame%s",
                        score * 100,
                        frames.size() == 1 ? "" : "s (mean of " + frames.size() + ")"));
    }

    static double presence(double[] palette, double[] window) {
        double s = 0;
        for (int b = 0; b < BINS; b++)
            if (palette[b] > 0) s += palette[b] * Math.min(1, window[b] / (COVER * palette[b]));
        return s;
    }

    /** The figure's colours: transparent pixels and the border's most common colour (the backdrop) left out. */
    static double[] palette(BufferedImage img) {
        int[] border = new int[BINS];
        int w = img.getWidth(), h = img.getHeight();
        for (int x = 0; x < w; x += Math.max(1, w / SAMPLES)) {
            count(border, img.getRGB(x, 0));
            count(border, img.getRGB(x, h - 1));
        }
        for (int y = 0; y < h; y += Math.max(1, h / SAMPLES)) {
            count(border, img.getRGB(0, y));
            count(border, img.getRGB(w - 1, y));
        }
        int backdrop = 0;
        for (int b = 1; b < BINS; b++) if (border[b] > border[backdrop]) backdrop = b;
        return histogram(img, 0, 0, w, h, backdrop);
    }

    /**
     * The best window of the frame: the character stands somewhere in it (the animatic's lead in the middle, Veo's
     * anywhere), so windows of half the width and a third of the height are tried across the frame.
     */
    static double bestWindow(double[] palette, BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight(), ww = w / 2, wh = h / 3;
        double best = 0;
        for (int y = 0; y + wh <= h; y += Math.max(1, wh / 3)) {
            for (int x = 0; x + ww <= w; x += Math.max(1, ww / 4)) {
                best = Math.max(best, presence(palette, histogram(img, x, y, x + ww, y + wh, -1)));
            }
        }
        return best;
    }

    private static double[] histogram(BufferedImage img, int x0, int y0, int x1, int y1, int skipBin) {
        double[] hist = new double[BINS];
        int stepX = Math.max(1, (x1 - x0) / SAMPLES), stepY = Math.max(1, (y1 - y0) / SAMPLES);
        double n = 0;
        for (int y = y0; y < y1; y += stepY) {
            for (int x = x0; x < x1; x += stepX) {
                int argb = img.getRGB(x, y);
                if ((argb >>> 24) < 128) continue;
                int b = bin(argb);
                if (b == skipBin || GREYS[b]) continue;
                hist[b]++;
                n++;
            }
        }
        if (n > 0) for (int b = 0; b < BINS; b++) hist[b] /= n;
        return hist;
    }

    private static void count(int[] hist, int argb) {
        if ((argb >>> 24) >= 128) hist[bin(argb)]++;
    }

    private static int bin(int argb) {
        int r = ((argb >> 16) & 0xFF) * LEVELS / 256,
                g = ((argb >> 8) & 0xFF) * LEVELS / 256,
                b = (argb & 0xFF) * LEVELS / 256;
        return (r * LEVELS + g) * LEVELS + b;
    }

    private static BufferedImage read(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) throw new IOException(file.getFileName() + " is not an image the drift check can read");
        return img;
    }
}

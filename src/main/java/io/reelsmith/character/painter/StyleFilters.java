package io.reelsmith.character.painter;

import java.awt.image.BufferedImage;
import java.util.Random;

/** Whole-image passes that turn a clean drawing into pixel art or a watercolour; alpha stays transparent outside. */
final class StyleFilters {
    private StyleFilters() {}

    /** Samples the drawing on a {@code grid}x{@code grid} lattice, posterises, and blows it back up with hard edges. */
    static BufferedImage pixelate(BufferedImage src, int grid) {
        int w = src.getWidth(), h = src.getHeight(), cell = w / grid;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int gy = 0; gy < grid; gy++) {
            for (int gx = 0; gx < grid; gx++) {
                int argb = src.getRGB(Math.min(w - 1, gx * cell + cell / 2), Math.min(h - 1, gy * cell + cell / 2));
                int a = (argb >>> 24) >= 128 ? 255 : 0;
                int px = a == 0 ? 0 : (a << 24) | (post(argb >> 16) << 16) | (post(argb >> 8) << 8) | post(argb);
                for (int y = gy * cell; y < Math.min(h, (gy + 1) * cell); y++) {
                    for (int x = gx * cell; x < Math.min(w, (gx + 1) * cell); x++) out.setRGB(x, y, px);
                }
            }
        }
        return out;
    }

    private static int post(int channel) {
        int c = channel & 0xff;
        return Math.min(255, (c / 36) * 36 + 18);
    }

    /**
     * Soft edges (a box blur of colour and alpha: transparent black around the figure darkens its rim like
     * pooled pigment), paler washed colours and a seeded paper grain.
     */
    static BufferedImage watercolor(BufferedImage src, long seed) {
        int w = src.getWidth(), h = src.getHeight(), r = 4;
        int[] in = src.getRGB(0, 0, w, h, null, 0, w);
        int[] blurred = boxBlur(boxBlur(in, w, h, r, true), w, h, r, false);
        Random rnd = new Random(seed);
        // Low-frequency blotches: a coarse random grid, smoothly interpolated.
        int cells = 16;
        double[] grain = new double[(cells + 1) * (cells + 1)];
        for (int i = 0; i < grain.length; i++) grain[i] = 0.86 + rnd.nextDouble() * 0.14;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = blurred[y * w + x];
                int a = p >>> 24;
                if (a == 0) continue;
                double fx = x * (double) cells / w, fy = y * (double) cells / h;
                int ix = (int) fx, iy = (int) fy;
                double tx = fx - ix, ty = fy - iy;
                double g0 = grain[iy * (cells + 1) + ix] * (1 - tx) + grain[iy * (cells + 1) + ix + 1] * tx;
                double g1 = grain[(iy + 1) * (cells + 1) + ix] * (1 - tx) + grain[(iy + 1) * (cells + 1) + ix + 1] * tx;
                double k = (g0 * (1 - ty) + g1 * ty) * (0.97 + 0.03 * ((x * 7 + y * 13) % 5) / 4.0);
                out[y * w + x] = (Math.min(255, (int) (a * 0.95)) << 24)
                        | (wash(p >> 16, k) << 16)
                        | (wash(p >> 8, k) << 8)
                        | wash(p, k);
            }
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, w, h, out, 0, w);
        return img;
    }

    private static int wash(int channel, double grain) {
        int c = channel & 0xff;
        return Math.max(0, Math.min(255, (int) ((c * 0.82 + 255 * 0.18) * grain)));
    }

    /** One direction of a box blur over all four ARGB channels. */
    private static int[] boxBlur(int[] px, int w, int h, int r, boolean horizontal) {
        int[] out = new int[px.length];
        int len = horizontal ? w : h, lines = horizontal ? h : w;
        for (int line = 0; line < lines; line++) {
            long sa = 0, sr = 0, sg = 0, sb = 0;
            for (int i = -r; i <= r; i++) {
                int p = px[index(line, Math.max(0, Math.min(len - 1, i)), w, horizontal)];
                sa += p >>> 24;
                sr += (p >> 16) & 0xff;
                sg += (p >> 8) & 0xff;
                sb += p & 0xff;
            }
            int n = 2 * r + 1;
            for (int i = 0; i < len; i++) {
                out[index(line, i, w, horizontal)] =
                        (int) (sa / n) << 24 | (int) (sr / n) << 16 | (int) (sg / n) << 8 | (int) (sb / n);
                int add = px[index(line, Math.min(len - 1, i + r + 1), w, horizontal)];
                int sub = px[index(line, Math.max(0, i - r), w, horizontal)];
                sa += (add >>> 24) - (sub >>> 24);
                sr += ((add >> 16) & 0xff) - ((sub >> 16) & 0xff);
                sg += ((add >> 8) & 0xff) - ((sub >> 8) & 0xff);
                sb += (add & 0xff) - (sub & 0xff);
            }
        }
        return out;
    }

    private static int index(int line, int i, int w, boolean horizontal) {
        return horizontal ? line * w + i : i * w + line;
    }
}

package io.reelsmith.video;

import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.script.Block;
import io.reelsmith.script.Script;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The keyframes of a parallel take: keyframe 1 opens block 1, keyframe k+1 ends block k and opens block k+1, keyframe
 * n+1 ends the last block (n blocks, n+1 keyframes). Each is drawn by the image model from the cast's reference images,
 * its scene (the block's visual description) and the keyframe it follows, so set, light and clothes carry over.
 *
 * <p>{@link Order#ANCHOR} (the default) draws keyframe 1 first, then all the others at once, each following keyframe
 * 1: two image calls in a row. {@link Order#CHAIN} makes each keyframe follow the one before it: n+1 calls in a row
 * (closer continuity from block to block, slower). Every keyframe is written atomically; before its call an attempt
 * is marked "sending" in the checkpoint, so a run that finds a mark without a picture (the process died inside that
 * call, which Google may have billed) tells the artist it was uncertain and draws again: visible, never silent.
 */
public record Storyboard(KeyframeArtist artist, Order order) {
    /** Configuration ({@code reelsmith.keyframe.order}): which keyframe a keyframe follows ({@code anchor} or {@code chain}). */
    public static final String ORDER_KEY = "reelsmith.keyframe.order";

    private static final String REFUSED = "refused";

    public enum Order {
        ANCHOR,
        CHAIN
    }

    /** The configured order; anchor when unset; anything else is refused with one line. */
    public static Order order(String v) {
        if (v == null || v.isBlank()) return Order.ANCHOR;
        try {
            return Order.valueOf(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ORDER_KEY + " must be anchor or chain, not '" + v + "'");
        }
    }

    /** Keyframes of a take of {@code blocks} blocks. */
    public static int keyframes(int blocks) {
        return blocks + 1;
    }

    /** The keyframe (from 0) that keyframe {@code k} follows, -1 for the first. */
    public static int follows(Order order, int k) {
        if (k == 0) return -1;
        return order == Order.CHAIN ? k - 1 : 0;
    }

    /** The keyframes drawn together, round after round: each round's keyframes follow one of an earlier round. */
    public static List<List<Integer>> rounds(Order order, int blocks) {
        List<List<Integer>> rounds = new ArrayList<>();
        rounds.add(List.of(0));
        if (order == Order.CHAIN) {
            for (int k = 1; k < keyframes(blocks); k++) rounds.add(List.of(k));
        } else {
            List<Integer> rest = new ArrayList<>();
            for (int k = 1; k < keyframes(blocks); k++) rest.add(k);
            rounds.add(List.copyOf(rest));
        }
        return rounds;
    }

    /** What keyframe {@code k} shows: the opening (or, for the last, the closing) moment of its block's scene. */
    public static String scene(Script script, int k) {
        int n = script.blocks().size();
        Block b = script.blocks().get(Math.min(k, n - 1));
        String moment = k == 0
                ? "The opening frame of the video: "
                : k == n ? "The closing frame of the video, the end of: " : "The first frame of a new moment: ";
        String v = b.visual().strip();
        return moment + v + (v.isEmpty() || ".!?".indexOf(v.charAt(v.length() - 1)) >= 0 ? "" : ".");
    }

    /**
     * Keyframe {@code k} in {@code out} (kept when it is there already): drawn once per attempt, billed by the artist
     * under {@code step}. {@code cp}: the keyframe's own checkpoint scope.
     */
    public Path draw(String step, Script script, int k, List<Path> cast, Path previous, Path out, Checkpoint cp)
            throws IOException {
        if (Files.exists(out)) return out;
        if (k > 0 && (previous == null || !Files.exists(previous))) {
            throw new IllegalStateException(step + " follows a keyframe that is not drawn yet");
        }
        int attempt = cp.get("attempt").map(Integer::parseInt).orElse(0);
        String sending = cp.get("sending." + attempt).orElse(null);
        if (sending != null && !sending.equals(REFUSED)) {
            artist.uncertain(step, attempt); // the call was under way when the process stopped: maybe billed
            attempt++;
            cp.put("attempt", String.valueOf(attempt));
        }
        cp.put("sending." + attempt, Instant.now().toString());
        byte[] png;
        try {
            png = artist.draw(step, cast, previous, scene(script, k));
        } catch (KeyframeArtist.Refused e) {
            cp.put("sending." + attempt, REFUSED); // answered with an error: nothing was drawn or billed
            throw e;
        }
        AtomicFiles.writeAtomically(out, png);
        cp.put("drawn", String.valueOf(attempt));
        return out;
    }
}

package io.reelsmith.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One step of a video job, in the seed's order: character, script, block 1 … block n, subtitles, render (the parallel
 * plan draws keyframe 1 … keyframe n+1 before its blocks: {@link Keyframe}); and the
 * retake of a block (the drift check's second try: asked and paid for like a step, recorded within its block's).
 * {@link #text()} and {@link #parse} are the one mapping between a step and the name the journal, the spend ledger,
 * the progress events and the block files carry ("block-2", "block-2.retake", "block-02.mp4").
 */
public sealed interface Step permits Step.Once, Step.Block, Step.Retake, Step.Keyframe {
    Once CHARACTER = Once.CHARACTER, SCRIPT = Once.SCRIPT, SUBTITLES = Once.SUBTITLES, RENDER = Once.RENDER;

    /** The step's name, as stored and shown. */
    String text();

    /** The stage it belongs to: character, script, video, subtitles or render. */
    String stage();

    /** Block {@code index} (from 0). */
    static Block block(int index) {
        return new Block(index);
    }

    /** Keyframe {@code index} (from 0: the first frame of block 1) of the parallel plan. */
    static Keyframe keyframe(int index) {
        return new Keyframe(index);
    }

    /** Every step of a continuous job with {@code blocks} blocks, in order. */
    static List<Step> all(int blocks) {
        return all(blocks, TakePlan.CONTINUOUS);
    }

    /** Every step of a job with {@code blocks} blocks, in order: the parallel plan draws its n+1 keyframes first. */
    static List<Step> all(int blocks, TakePlan plan) {
        List<Step> s = new ArrayList<>(List.of(CHARACTER, SCRIPT));
        if (plan == TakePlan.PARALLEL) for (int k = 0; k <= blocks; k++) s.add(keyframe(k));
        for (int i = 0; i < blocks; i++) s.add(block(i));
        s.addAll(List.of(SUBTITLES, RENDER));
        return s;
    }

    /** The steps from {@code first} on (what regenerating from a block makes again). */
    static List<Step> from(int blocks, Step first) {
        return from(blocks, TakePlan.CONTINUOUS, first);
    }

    static List<Step> from(int blocks, TakePlan plan, Step first) {
        List<Step> all = all(blocks, plan);
        int at = all.indexOf(first);
        if (at < 0) throw new IllegalArgumentException(first + " is not a step of a " + blocks + "-block video");
        return all.subList(at, all.size());
    }

    /** The step a name stands for; an unknown name is refused. */
    static Step parse(String text) {
        for (Once o : Once.values()) if (o.text.equals(text)) return o;
        if (text != null && text.startsWith(Block.PREFIX)) {
            String n = text.substring(Block.PREFIX.length());
            boolean retake = n.endsWith(Retake.SUFFIX);
            if (retake) n = n.substring(0, n.length() - Retake.SUFFIX.length());
            if (n.matches("[1-9][0-9]{0,3}"))
                return retake ? new Retake(Integer.parseInt(n) - 1) : new Block(Integer.parseInt(n) - 1);
        }
        if (text != null
                && text.startsWith(Keyframe.PREFIX)
                && text.substring(Keyframe.PREFIX.length()).matches("[1-9][0-9]{0,3}")) {
            return new Keyframe(Integer.parseInt(text.substring(Keyframe.PREFIX.length())) - 1);
        }
        throw new IllegalArgumentException("unknown step " + text);
    }

    /** The steps a job makes once. */
    enum Once implements Step {
        CHARACTER,
        SCRIPT,
        SUBTITLES,
        RENDER;

        private final String text = name().toLowerCase(Locale.ROOT);

        @Override
        public String text() {
            return text;
        }

        @Override
        public String stage() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Block {@code index} (from 0): step "block-{index+1}", its files "block-NN.*". */
    record Block(int index) implements Step {
        static final String PREFIX = "block-";

        public Block {
            if (index < 0) throw new IllegalArgumentException("no block " + (index + 1));
        }

        @Override
        public String text() {
            return PREFIX + number();
        }

        @Override
        public String stage() {
            return "video";
        }

        /** The block's number as people count (from 1). */
        public int number() {
            return index + 1;
        }

        public Retake retake() {
            return new Retake(index);
        }

        /** A file of this block: {@code file(".mp4")} is "block-02.mp4" for block 2. */
        public String file(String suffix) {
            return String.format(Locale.ROOT, "%s%02d%s", PREFIX, number(), suffix);
        }

        /** Whether a file name is one of some block's files ("block-NN.*"). */
        public static boolean isBlockFile(String fileName) {
            return fileName.startsWith(PREFIX);
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** The second take of block {@code index}, made when the drift check finds another character. */
    record Retake(int index) implements Step {
        static final String SUFFIX = ".retake";

        @Override
        public String text() {
            return block().text() + SUFFIX;
        }

        @Override
        public String stage() {
            return "video";
        }

        public Block block() {
            return new Block(index);
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** Keyframe {@code index} (from 0) of the parallel plan: step "keyframe-{index+1}", the first frame of block index+1. */
    record Keyframe(int index) implements Step {
        static final String PREFIX = "keyframe-";

        public Keyframe {
            if (index < 0) throw new IllegalArgumentException("no keyframe " + (index + 1));
        }

        @Override
        public String text() {
            return PREFIX + (index + 1);
        }

        @Override
        public String stage() {
            return "storyboard";
        }

        /** Whether a name (a step's, or a ledger entry's such as "keyframe-2.redraw-1") is a keyframe's. */
        public static boolean isKeyframe(String name) {
            return name != null && name.startsWith(PREFIX);
        }

        @Override
        public String toString() {
            return text();
        }
    }
}

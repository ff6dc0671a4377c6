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
public sealed interface Step permits Step.Once, Step.Numbered, Step.Retake {
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
        if (text != null && text.endsWith(Retake.SUFFIX)) {
            int block = Series.BLOCK.index(text.substring(0, text.length() - Retake.SUFFIX.length()));
            if (block >= 0) return new Retake(block);
        }
        int block = Series.BLOCK.index(text);
        if (block >= 0) return new Block(block);
        int keyframe = Series.KEYFRAME.index(text);
        if (keyframe >= 0) return new Keyframe(keyframe);
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

    /** The steps a job makes once per block (or, for keyframes, per block and one more): named by a prefix and a number. */
    enum Series {
        BLOCK("block-", "video"),
        KEYFRAME("keyframe-", "storyboard");

        final String prefix;
        private final String stage;

        Series(String prefix, String stage) {
            this.prefix = prefix;
            this.stage = stage;
        }

        /** The index a name of this series stands for ("block-2" is 1), or -1 if it is not one. */
        int index(String text) {
            if (text == null || !text.startsWith(prefix)) return -1;
            String n = text.substring(prefix.length());
            return n.matches("[1-9][0-9]{0,3}") ? Integer.parseInt(n) - 1 : -1;
        }

        /** Refuses an index below 0 ("no block 0"). */
        void check(int index) {
            if (index < 0)
                throw new IllegalArgumentException("no " + name().toLowerCase(Locale.ROOT) + " " + (index + 1));
        }
    }

    /** Block or keyframe {@code index} (from 0): what the two share, their name, number and stage, from their series. */
    sealed interface Numbered extends Step permits Block, Keyframe {
        int index();

        /** The number as people count (from 1). */
        default int number() {
            return index() + 1;
        }

        @Override
        default String text() {
            return series().prefix + number();
        }

        @Override
        default String stage() {
            return series().stage;
        }

        private Series series() {
            return this instanceof Block ? Series.BLOCK : Series.KEYFRAME; // sealed: there is no third kind
        }
    }

    /** Block {@code index} (from 0): step "block-{index+1}", its files "block-NN.*". */
    record Block(int index) implements Numbered {
        public Block {
            Series.BLOCK.check(index);
        }

        public Retake retake() {
            return new Retake(index);
        }

        /** A file of this block: {@code file(".mp4")} is "block-02.mp4" for block 2. */
        public String file(String suffix) {
            return String.format(Locale.ROOT, "%s%02d%s", Series.BLOCK.prefix, number(), suffix);
        }

        /** Whether a file name is one of some block's files ("block-NN.*"). */
        public static boolean isBlockFile(String fileName) {
            return fileName.startsWith(Series.BLOCK.prefix);
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
            return block().stage();
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
    record Keyframe(int index) implements Numbered {
        public Keyframe {
            Series.KEYFRAME.check(index);
        }

        /** Whether a name (a step's, or a ledger entry's such as "keyframe-2.redraw-1") is a keyframe's. */
        public static boolean isKeyframe(String name) {
            return name != null && name.startsWith(Series.KEYFRAME.prefix);
        }

        @Override
        public String toString() {
            return text();
        }
    }
}

package io.reelsmith.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One step of a video job, in the seed's order: character, script, block 1 … block n, subtitles, render; and the
 * retake of a block (the drift check's second try: asked and paid for like a step, recorded within its block's).
 * {@link #text()} and {@link #parse} are the one mapping between a step and the name the journal, the spend ledger,
 * the progress events and the block files carry ("block-2", "block-2.retake", "block-02.mp4").
 */
public sealed interface Step permits Step.Once, Step.Block, Step.Retake {
    Once CHARACTER = Once.CHARACTER, SCRIPT = Once.SCRIPT, SUBTITLES = Once.SUBTITLES, RENDER = Once.RENDER;

    /** The step's name, as stored and shown. */
    String text();

    /** The stage it belongs to: character, script, video, subtitles or render. */
    String stage();

    /** Block {@code index} (from 0). */
    static Block block(int index) {
        return new Block(index);
    }

    /** Every step of a job with {@code blocks} blocks, in order. */
    static List<Step> all(int blocks) {
        List<Step> s = new ArrayList<>(List.of(CHARACTER, SCRIPT));
        for (int i = 0; i < blocks; i++) s.add(block(i));
        s.addAll(List.of(SUBTITLES, RENDER));
        return s;
    }

    /** The steps from {@code first} on (what regenerating from a block makes again). */
    static List<Step> from(int blocks, Step first) {
        List<Step> all = all(blocks);
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
            if (n.matches("[1-9][0-9]{0,3}")) return retake ? new Retake(Integer.parseInt(n) - 1) : new Block(Integer.parseInt(n) - 1);
        }
        throw new IllegalArgumentException("unknown step " + text);
    }

    /** The steps a job makes once. */
    enum Once implements Step {
        CHARACTER, SCRIPT, SUBTITLES, RENDER;

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
}

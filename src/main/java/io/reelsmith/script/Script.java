package io.reelsmith.script;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A short-video script: blocks of two scenes each. Block 1 is the first 8 s clip; every later block is one
 * 7 s extension of the same take (Veo 3.1's rule, kept by the animatic too so both providers plan alike).
 */
public record Script(String title, String language, List<Block> blocks) {
    public static final double FIRST_BLOCK_SECONDS = 8.0;
    public static final double EXTENSION_SECONDS = 7.0;
    public static final int MAX_BLOCKS = 21; // 1 clip + 20 extensions
    public static final int MAX_LINE_CHARS = 400;

    public Script {
        title = title == null ? "" : title.strip();
        language = language == null || language.isBlank() ? "en" : language.strip();
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    /** The length the plan promises: 8 s + 7 s per further block. Speech longer than that stretches a block. */
    public double plannedSeconds() {
        return blocks.isEmpty() ? 0 : FIRST_BLOCK_SECONDS + EXTENSION_SECONDS * (blocks.size() - 1);
    }

    public static double plannedSeconds(int blockIndex) {
        return blockIndex == 0 ? FIRST_BLOCK_SECONDS : EXTENSION_SECONDS;
    }

    /** Each of {@code blocks} blocks' planned whole seconds, in order (what a video model's chain plan is made of). */
    public static List<Integer> blockSeconds(int blocks) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < blocks; i++) out.add((int) plannedSeconds(i));
        return out;
    }

    /** Speakers in order of first appearance: index 0 speaks with the first voice, and so on. */
    public List<String> speakers() {
        Set<String> s = new LinkedHashSet<>();
        for (Block b : blocks) for (DialogueLine l : b.dialogue()) s.add(l.speaker());
        return new ArrayList<>(s);
    }

    public String spokenText() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            String t = b.spokenText();
            if (!t.isEmpty()) sb.append(sb.isEmpty() ? "" : " ").append(t);
        }
        return sb.toString();
    }

    /**
     * {@link #validated()}, and for a cast of two or more: every speaker is one of the cast (matched by name,
     * ignoring case), so each line has its character's picture and voice. A one-character video keeps
     * free speakers (a sidekick, a narrator), as scripts always could.
     */
    public Script validatedFor(List<String> cast) {
        validated();
        if (cast == null || cast.size() < 2) return this;
        Set<String> names = new HashSet<>();
        for (String n : cast) names.add(n.strip().toLowerCase(Locale.ROOT));
        for (Block b : blocks) {
            for (DialogueLine l : b.dialogue()) {
                if (!names.contains(l.speaker().toLowerCase(Locale.ROOT))) {
                    throw new ScriptException("block " + b.number() + " has a line spoken by \"" + l.speaker()
                            + "\", who is not in the cast (" + String.join(", ", cast) + ")");
                }
            }
        }
        return this;
    }

    /** Checks what every stage relies on; the message names the block and says what to fix. */
    public Script validated() {
        if (blocks.isEmpty()) throw new ScriptException("the script has no blocks");
        if (blocks.size() > MAX_BLOCKS)
            throw new ScriptException("the script has " + blocks.size() + " blocks; at most " + MAX_BLOCKS
                    + " (one 8 s clip + 20 extensions)");
        if (!language.equals("en") && !language.equals("fr"))
            throw new ScriptException("language must be en or fr, not '" + language + "'");
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            String where = "block " + (i + 1);
            if (b.number() != i + 1)
                throw new ScriptException(where + " is numbered " + b.number() + "; blocks must be numbered 1, 2, 3…");
            if (b.dialogue().isEmpty()) throw new ScriptException(where + " has no dialogue line");
            for (DialogueLine l : b.dialogue()) {
                if (l.text().isEmpty()) throw new ScriptException(where + " has an empty dialogue line");
                if (l.text().length() > MAX_LINE_CHARS)
                    throw new ScriptException(where + " has a dialogue line over " + MAX_LINE_CHARS + " characters");
                if (!l.text().codePoints().anyMatch(Character::isLetterOrDigit))
                    throw new ScriptException(where + " has a dialogue line with no words: \"" + l.text() + "\"");
            }
            if (b.visual().isEmpty()) throw new ScriptException(where + " has no visual description");
        }
        return this;
    }
}

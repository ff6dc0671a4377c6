package io.reelsmith.video.veo;

import io.reelsmith.script.Block;
import io.reelsmith.script.DialogueLine;
import io.reelsmith.script.Script;

/**
 * Turns a block into a Veo prompt: the visuals, each line of dialogue in double quotes (Veo speaks quoted
 * text in its native audio), the sound, and the language of the speech. Quotes inside a line become
 * apostrophes so the line stays one quoted passage.
 */
public final class VeoPrompts {
    private VeoPrompts() {}

    public static String forBlock(Script script, int index) {
        Block b = script.blocks().get(index);
        StringBuilder p = new StringBuilder();
        p.append("Vertical 9:16 shot. ").append(sentence(b.visual()));
        for (DialogueLine l : b.dialogue()) {
            String who = l.speaker().isEmpty() ? "A voice" : l.speaker();
            p.append(' ')
                    .append(who)
                    .append(" says: \"")
                    .append(l.text().replace('"', '\''))
                    .append("\"");
        }
        if (!b.sound().isEmpty()) p.append(" Sound: ").append(sentence(b.sound()));
        p.append(script.language().equals("fr") ? " Dialogue spoken in French." : " Dialogue spoken in English.");
        p.append(" No subtitles, no on-screen text.");
        return p.toString();
    }

    /** The picture a first/last frame should show around block {@code index} (for interpolation). */
    public static String frameScene(Script script, int frameIndex) {
        int i = Math.min(frameIndex, script.blocks().size() - 1);
        String moment = frameIndex == 0
                ? "at the start of: "
                : frameIndex > i ? "at the end of: " : "between scenes, at the start of: ";
        return "Vertical 9:16 still frame of the same character, " + moment
                + sentence(script.blocks().get(i).visual());
    }

    private static String sentence(String s) {
        String t = s.strip();
        return t.isEmpty() || ".!?".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + ".";
    }
}

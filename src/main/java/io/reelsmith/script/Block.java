package io.reelsmith.script;

import java.util.List;

/**
 * Two scenes of the script that become one stretch of video: the first 8 s clip or one 7 s extension.
 * {@code number} counts from 1, as in the seed's "BLOC 1 (Scènes 1-2)".
 */
public record Block(int number, List<DialogueLine> dialogue, String visual, String sound) {
    public Block {
        dialogue = dialogue == null ? List.of() : List.copyOf(dialogue);
        visual = visual == null ? "" : visual.strip();
        sound = sound == null ? "" : sound.strip();
    }

    /** The words spoken in this block, in order, as one text (for alignment and prompts). */
    public String spokenText() {
        StringBuilder sb = new StringBuilder();
        for (DialogueLine l : dialogue) sb.append(sb.isEmpty() ? "" : " ").append(l.text());
        return sb.toString();
    }
}

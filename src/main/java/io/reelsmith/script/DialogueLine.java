package io.reelsmith.script;

/** One quoted line of dialogue and who says it. */
public record DialogueLine(String speaker, String text) {
    public DialogueLine {
        speaker = speaker == null ? "" : speaker.strip();
        text = text == null ? "" : text.strip();
    }
}

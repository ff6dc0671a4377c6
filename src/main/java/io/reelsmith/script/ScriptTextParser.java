package io.reelsmith.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the seed's text format, French or English labels:
 * <pre>
 * **BLOC 1 (Scènes 1-2):**
 * - DIALOGUES: Nano Banana murmure "Où est cette carte au trésor ?"
 * - VISUEL: Nano Banana cherche dans une vieille bibliothèque poussiéreuse
 * - AUDIO: Planches de bois qui grincent, vent qui souffle
 * </pre>
 * Dialogue may continue on the following lines ({@code - Kwirlo: "…"}). Errors name the line.
 */
public final class ScriptTextParser {
    private static final Pattern BLOCK =
            Pattern.compile("^\\s*(?:\\*\\*|#+\\s*)?\\s*(BLOC|BLOCK)\\s+(\\d+)\\b.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL =
            Pattern.compile("^\\s*[-*•]?\\s*\\**\\s*([A-ZÉÈa-zéè ]{3,30}?)\\s*\\**\\s*:\\s*\\**(.*)$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"|“([^”]+)”|«\\s*([^»]+?)\\s*»");
    private static final Pattern TITLE = Pattern.compile("^\\s*#\\s+(.+)$");

    private enum Field {
        DIALOGUE,
        VISUAL,
        SOUND
    }

    private ScriptTextParser() {}

    public static boolean looksLikeText(String content) {
        return content.lines().anyMatch(l -> BLOCK.matcher(l).matches());
    }

    /** @param language "en" or "fr", or null to guess from the labels (BLOC/VISUEL → fr). */
    public static Script parse(String text, String language) {
        List<Block> blocks = new ArrayList<>();
        String title = "";
        boolean french = false;
        Draft draft = null;
        Field field = null;
        String[] lines = text.split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int lineNo = n + 1;
            if (line.isBlank() || line.strip().equals("---")) continue;
            Matcher b = BLOCK.matcher(line);
            if (b.matches()) {
                if (draft != null) blocks.add(draft.build());
                french |= b.group(1).equalsIgnoreCase("BLOC");
                draft = new Draft(Integer.parseInt(b.group(2)), lineNo);
                field = null;
                continue;
            }
            Matcher t = TITLE.matcher(line);
            if (draft == null) {
                if (t.matches() && title.isEmpty()) {
                    title = t.group(1).replace("*", "").strip();
                    continue;
                }
                throw new ScriptException(
                        "line " + lineNo
                                + ": text before the first block header (expected \"**BLOC 1 (Scènes 1-2):**\" or \"**BLOCK 1 (Scenes 1-2):**\")");
            }
            Matcher l = LABEL.matcher(line);
            Field labelled = l.matches() ? field(l.group(1)) : null;
            if (labelled != null) {
                field = labelled;
                french |= isFrenchLabel(l.group(1));
                draft.add(field, l.group(2).replace("**", "").strip(), lineNo);
            } else if (field != null) {
                draft.add(field, line.replaceFirst("^\\s*[-*•]\\s*", "").strip(), lineNo);
            } else {
                throw new ScriptException(
                        "line " + lineNo + ": expected a DIALOGUES, VISUEL/VISUAL or AUDIO/SOUND line, found \""
                                + abbreviate(line) + "\"");
            }
        }
        if (draft != null) blocks.add(draft.build());
        if (blocks.isEmpty())
            throw new ScriptException("the script has no block (expected \"**BLOCK 1 (Scenes 1-2):**\")");
        String lang = language != null ? language : (french ? "fr" : "en");
        return new Script(title, lang, blocks).validated();
    }

    private static Field field(String label) {
        String l = label.strip().toUpperCase(Locale.ROOT).replace('É', 'E').replace('È', 'E');
        return switch (l) {
            case "DIALOGUE", "DIALOGUES", "DIALOG" -> Field.DIALOGUE;
            case "VISUEL", "VISUELS", "DESCRIPTION VISUELLE", "VISUAL", "VISUALS", "VISUAL DESCRIPTION" -> Field.VISUAL;
            case "AUDIO", "EFFETS SONORES", "EFFET SONORE", "SOUND", "SOUNDS", "SOUND EFFECTS", "SFX" -> Field.SOUND;
            default -> null;
        };
    }

    private static boolean isFrenchLabel(String label) {
        String l = label.strip().toUpperCase(Locale.ROOT);
        return l.startsWith("VISUEL") || l.contains("VISUELLE") || l.startsWith("EFFET");
    }

    private static String abbreviate(String s) {
        s = s.strip();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** A block being read; dialogue text is split into speaker + quoted lines when the block ends. */
    private static final class Draft {
        final int number, lineNo;
        final List<DialogueLine> dialogue = new ArrayList<>();
        final StringBuilder visual = new StringBuilder(), sound = new StringBuilder();
        String lastSpeaker = "";

        Draft(int number, int lineNo) {
            this.number = number;
            this.lineNo = lineNo;
        }

        void add(Field f, String text, int lineNo) {
            if (text.isEmpty()) return;
            switch (f) {
                case VISUAL -> visual.append(visual.isEmpty() ? "" : " ").append(text);
                case SOUND -> sound.append(sound.isEmpty() ? "" : " ").append(text);
                case DIALOGUE -> dialogue(text, lineNo);
            }
        }

        private void dialogue(String text, int lineNo) {
            Matcher q = QUOTED.matcher(text);
            int from = 0;
            boolean any = false;
            while (q.find()) {
                String said = q.group(1) != null ? q.group(1) : q.group(2) != null ? q.group(2) : q.group(3);
                String speaker = speaker(text.substring(from, q.start()));
                if (!speaker.isEmpty()) lastSpeaker = speaker;
                dialogue.add(new DialogueLine(lastSpeaker.isEmpty() ? "Narrator" : lastSpeaker, said.strip()));
                from = q.end();
                any = true;
            }
            if (!any)
                throw new ScriptException(
                        "line " + lineNo + ": dialogue without quoted text (put what is said in \"quotes\")");
        }

        /** "Nano Banana murmure" → "Nano Banana"; "- Kwirlo:" → "Kwirlo"; "(whispering)" is dropped. */
        static String speaker(String before) {
            String s = before.replaceAll("\\([^)]*\\)", " ")
                    .replaceAll("[-*•:,]", " ")
                    .strip();
            if (s.isEmpty()) return "";
            List<String> names = new ArrayList<>();
            for (String w : s.split("\\s+")) {
                if (!w.isEmpty() && Character.isUpperCase(w.codePointAt(0))) names.add(w);
                else if (!names.isEmpty()) break;
            }
            return String.join(" ", names);
        }

        Block build() {
            if (dialogue.isEmpty())
                throw new ScriptException(
                        "block " + number + " (line " + lineNo + ") has no DIALOGUES line with quoted text");
            if (visual.isEmpty())
                throw new ScriptException("block " + number + " (line " + lineNo + ") has no VISUEL/VISUAL line");
            return new Block(number, dialogue, visual.toString(), sound.toString());
        }
    }
}

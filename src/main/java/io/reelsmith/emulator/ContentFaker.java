package io.reelsmith.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * What the emulator answers to generateContent: a PNG drawn from the prompt, or text that fills the response
 * JSON schema (Gemini's upper-case {@code responseSchema} or a standard {@code responseJsonSchema}). Array sizes
 * follow {@code minItems}; integers named number/index count 1, 2, 3…; strings are short sentences made of
 * the prompt's own words, so a script made here can be spoken and aligned.
 *
 * A script's dialogue keeps the word budget the prompt states: "block k at most N words" for a block, else "at most N
 * words in total" for every block, split over the block's lines. Inferred, not a rule of Google's: Google documents
 * that structured output follows the response schema (ai.google.dev/gemini-api/docs/structured-output), not that a
 * model keeps a count a prompt asks for; the emulator models a writer that does, short ({@link EmulatorOptions.Words}
 * SHORT: one 8-word line) or filling each block up to its budget (FULL).
 */
final class ContentFaker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAMED =
            Pattern.compile("(?i)(?:character|named|personnage)\\s*:?\\s*\"?([A-Z][\\p{L}]+(?: [A-Z][\\p{L}]+)?)");

    private final List<String> words;
    private static final Pattern CAST_LINE = Pattern.compile("(?m)^- ([\\p{L}][\\p{L}\\p{N}' ]*?)(?: - | \\()");
    private final String name;
    /** The cast the prompt lists ("- Name - description (style)" lines), in order; empty for one character. */
    private final List<String> cast = new ArrayList<>();

    private static final Pattern BLOCK_BUDGET = Pattern.compile("(?i)block (\\d+) at most (\\d+) words");
    private static final Pattern TOTAL_BUDGET = Pattern.compile("(?i)at most (\\d+) words in total");

    private final boolean french;
    private final EmulatorOptions.Words fill;
    /** Each block's word budget the prompt states (block number → words), and the one for every block (0: none). */
    private final Map<Integer, Integer> blockBudget = new HashMap<>();

    private final int totalBudget;
    private int sentence, turn;
    /** Where {@link #fill} is: the block (0-based, -1 outside one) and the dialogue line of it being written. */
    private int block = -1, line, lines;

    private boolean inDialogue;

    ContentFaker(String prompt) {
        this(prompt, EmulatorOptions.Words.SHORT);
    }

    ContentFaker(String prompt, EmulatorOptions.Words fill) {
        this.fill = fill;
        Matcher b = BLOCK_BUDGET.matcher(prompt);
        while (b.find()) blockBudget.put(Integer.parseInt(b.group(1)), Integer.parseInt(b.group(2)));
        Matcher t = TOTAL_BUDGET.matcher(prompt);
        totalBudget = t.find() ? Integer.parseInt(t.group(1)) : 0;
        words = new ArrayList<>();
        // The first quoted passage is usually the theme: its words make the most fitting lines.
        Matcher q = Pattern.compile("\"([^\"]+)\"").matcher(prompt);
        if (q.find()) addWords(q.group(1));
        if (words.size() < 2) addWords(prompt);
        if (words.isEmpty()) words.addAll(List.of("story", "morning", "garden"));
        Matcher m = NAMED.matcher(prompt);
        name = m.find() ? m.group(1) : "Narrator";
        // every cast member speaks in turn, as a model asked for a cast's script does
        if (prompt.contains("Cast (")) {
            Matcher c = CAST_LINE.matcher(prompt.substring(prompt.indexOf("Cast (")));
            while (c.find()) cast.add(c.group(1).strip());
        }
        french = ClipMaker.soundsFrench(prompt)
                || prompt.toLowerCase(Locale.ROOT).contains("french");
    }

    private void addWords(String text) {
        for (String w : text.split("[^\\p{L}]+"))
            if (w.length() >= 4 && w.length() <= 12) words.add(w.toLowerCase(Locale.ROOT));
    }

    JsonNode fill(JsonNode schema) {
        return fill(schema, "", 0);
    }

    private JsonNode fill(JsonNode schema, String field, int index) {
        String type = schema.path("type").asText("string").toLowerCase(Locale.ROOT);
        if (field.equalsIgnoreCase("speaker") && !cast.isEmpty())
            return JSON.getNodeFactory().textNode(cast.get(turn++ % cast.size()));
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            for (JsonNode e : schema.get("enum")) if (french && e.asText().equals("fr")) return e;
            return schema.get("enum").get(0);
        }
        switch (type) {
            case "object" -> {
                ObjectNode o = JSON.createObjectNode();
                schema.path("properties")
                        .fields()
                        .forEachRemaining(e -> o.set(e.getKey(), fill(e.getValue(), e.getKey(), index)));
                return o;
            }
            case "array" -> {
                ArrayNode a = JSON.createArrayNode();
                int n = Math.max(1, schema.path("minItems").asInt(1));
                // dialogue lines: one per cast member (within maxItems), so a one-block script has them all speak
                if (!cast.isEmpty() && schema.path("items").path("properties").has("speaker")) {
                    n = Math.max(
                            n, Math.min(cast.size(), schema.path("maxItems").asInt(cast.size())));
                }
                boolean dialogue = field.equalsIgnoreCase("dialogue");
                for (int i = 0; i < n; i++) {
                    if (field.equalsIgnoreCase("blocks")) block = i;
                    if (dialogue) {
                        inDialogue = true;
                        line = i;
                        lines = n;
                    }
                    a.add(fill(schema.path("items"), field, i));
                }
                if (dialogue) inDialogue = false;
                return a;
            }
            case "integer", "number" -> {
                return JSON.getNodeFactory().numberNode(index + 1);
            }
            case "boolean" -> {
                return JSON.getNodeFactory().booleanNode(true);
            }
            default -> {
                String f = field.toLowerCase(Locale.ROOT);
                if (f.equals("speaker") || f.equals("name"))
                    return JSON.getNodeFactory().textNode(name);
                if (f.equals("language")) return JSON.getNodeFactory().textNode(french ? "fr" : "en");
                if (inDialogue && f.equals("text")) return JSON.getNodeFactory().textNode(sentence(lineWords()));
                return JSON.getNodeFactory().textNode(sentence());
            }
        }
    }

    /** The words of the dialogue line being written: its share of the block's budget, short or full. */
    private int lineWords() {
        int budget = blockBudget.getOrDefault(block + 1, totalBudget);
        int base = french ? 7 : 8;
        if (budget <= 0) return base; // no budget asked for: the short line
        int share = budget / lines + (line < budget % lines ? 1 : 0);
        return Math.max(1, fill == EmulatorOptions.Words.FULL ? share : Math.min(base, share));
    }

    /**
     * A line of {@code n} words: the short line when {@code n} is its length, else the prompt's words after "Look" (or
     * "Regarde"), e.g. "Look at the park and the treasure here, hunt park treasure!"
     */
    String sentence(int n) {
        int base = french ? 7 : 8;
        if (n == base) return sentence();
        List<String> out = new ArrayList<>();
        if (n > base) {
            String s = sentence();
            out.add(s.substring(0, s.length() - (french ? 2 : 1)) + ",");
        } else {
            out.add(french ? "Regarde" : "Look");
            sentence++;
        }
        int have = n > base ? base : 1;
        for (int i = 0; have + i < n; i++) out.add(words.get(Math.floorMod(sentence * 5 + i, words.size())));
        return String.join(" ", out) + (french ? " !" : "!");
    }

    /** Six words from the prompt, e.g. "Look at the morning garden here!" */
    String sentence() {
        String a = words.get(Math.floorMod(sentence * 7 + 1, words.size()));
        String b = words.get(Math.floorMod(sentence * 3 + 2, words.size()));
        sentence++;
        return french ? "Regarde, le " + a + " et le " + b + " ici !" : "Look at the " + a + " and the " + b + " here!";
    }

    /** A 9:16 (or other) PNG: a coloured backdrop with a simple figure, different for each prompt. */
    static byte[] png(String prompt, String aspectRatio) throws IOException {
        int w = 576, h = 1024;
        if ("1:1".equals(aspectRatio)) h = 576;
        else if ("16:9".equals(aspectRatio)) {
            w = 1024;
            h = 576;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int hash = prompt.hashCode();
        g.setColor(new Color((hash & 0x3F3F3F) | 0x404040));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(((hash >>> 8) & 0x7F7F7F) | 0x808080));
        g.fillOval(w / 2 - w / 6, h / 4, w / 3, w / 3);
        g.fillRoundRect(w / 2 - w / 5, h / 4 + w / 3, 2 * w / 5, h / 3, 40, 40);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(6));
        g.fillOval(w / 2 - w / 12, h / 4 + w / 8, 18, 18);
        g.fillOval(w / 2 + w / 12 - 18, h / 4 + w / 8, 18, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.setColor(Color.WHITE);
        g.drawString("emulated image", 20, h - 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}

package io.reelsmith.subtitle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Word;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code words.json}: {"words":[{"text":"Hello","start":0.52,"end":0.81}, …]}, seconds rounded to ms. An un-timed
 * word (said somewhere between its timed neighbours, not placed) has {@code "timed": false} and start/end spanning
 * that stretch; the key is left out for timed words, so files written before it read the same.
 */
public final class WordsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WordsJson() {}

    public static String toJson(List<Word> words) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode arr = root.putArray("words");
        for (Word w : words) {
            ObjectNode o = arr.addObject()
                    .put("text", w.text())
                    .put("start", ms(w.start()))
                    .put("end", ms(w.end()));
            if (!w.timed()) o.put("timed", false);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(List<Word> words, Path file) throws IOException {
        AtomicFiles.writeAtomically(file, toJson(words));
    }

    public static List<Word> read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        List<Word> out = new ArrayList<>();
        for (JsonNode w : root.path("words"))
            out.add(new Word(
                    w.path("text").asText(),
                    w.path("start").asDouble(),
                    w.path("end").asDouble(),
                    w.path("timed").asBoolean(true)));
        return out;
    }

    private static double ms(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}

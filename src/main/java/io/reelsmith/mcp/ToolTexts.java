package io.reelsmith.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the MCP tools tell a client — title, description, whether they only read, the JSON schemas of their input and
 * output — as data in {@code tools.json} beside this class, so the code holds only each tool's name and handler. A
 * part several schemas share stands once under {@code $defs}; each {@code {"$ref": "#/$defs/name"}} is written out in
 * full where it stands, so clients get whole schemas.
 */
final class ToolTexts {
    private static final String DEFS = "#/$defs/";
    private static final Map<String, Texts> ALL = load();

    /** One tool's texts; the schemas as JSON text. */
    record Texts(String title, String description, boolean readOnly, String inputSchema, String outputSchema) {}

    private ToolTexts() {}

    static Texts of(String tool) {
        Texts t = ALL.get(tool);
        if (t == null) throw new IllegalStateException("tools.json has no tool " + tool);
        return t;
    }

    private static Map<String, Texts> load() {
        try (InputStream in = ToolTexts.class.getResourceAsStream("tools.json")) {
            JsonNode root = Tool.JSON.readTree(in);
            JsonNode defs = root.get("$defs");
            Map<String, Texts> all = new LinkedHashMap<>();
            root.get("tools").fields().forEachRemaining(e -> {
                JsonNode t = e.getValue();
                all.put(
                        e.getKey(),
                        new Texts(
                                t.get("title").asText(),
                                t.get("description").asText(),
                                t.get("readOnly").asBoolean(),
                                whole(t.get("inputSchema"), defs).toString(),
                                whole(t.get("outputSchema"), defs).toString()));
            });
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the MCP tools' texts (tools.json)", e);
        }
    }

    /** {@code node} with every {@code $ref} to a shared part replaced by that part. */
    private static JsonNode whole(JsonNode node, JsonNode defs) {
        if (node.isObject() && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            JsonNode part = ref.startsWith(DEFS) ? defs.get(ref.substring(DEFS.length())) : null;
            if (part == null) throw new IllegalStateException("tools.json: no shared part " + ref);
            return whole(part, defs);
        }
        if (node.isObject()) {
            ObjectNode copy = Tool.JSON.createObjectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), whole(f.getValue(), defs)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Tool.JSON.createArrayNode();
            node.forEach(n -> copy.add(whole(n, defs)));
            return copy;
        }
        return node;
    }
}

package io.reelsmith.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks real responses against an OpenAPI 3.1 document, whatever routes it lists: the operation (method +
 * path template) exists, the status is declared (exactly, or as 4XX/5XX/default), the media type is declared,
 * and a JSON body validates against the declared schema (JSON Schema 2020-12, OpenAPI 3.1's dialect, with the
 * document's components as definitions). Every mismatch is collected as one readable line.
 */
final class OpenApiConformance {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode doc;
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
    final List<String> problems = new ArrayList<>();
    int checked;

    OpenApiConformance(JsonNode doc) {
        this.doc = doc;
    }

    /** {@code path} as requested (query string allowed). */
    void check(String method, String path, int status, String contentType, String body) {
        checked++;
        String where = method + " " + path + " → " + status;
        String bare = path.replaceFirst("\\?.*", "");
        JsonNode op = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            var e = it.next();
            if (template(e.getKey()).matcher(bare).matches() && e.getValue().has(method.toLowerCase(Locale.ROOT))) {
                op = e.getValue().get(method.toLowerCase(Locale.ROOT));
                break;
            }
        }
        if (op == null) {
            problems.add(where + ": no such operation in the document");
            return;
        }
        JsonNode responses = op.path("responses");
        String code = String.valueOf(status);
        JsonNode response = responses.has(code)
                ? responses.get(code)
                : responses.has(code.charAt(0) + "XX")
                        ? responses.get(code.charAt(0) + "XX")
                        : responses.get("default");
        if (response == null) {
            problems.add(where + ": status not declared (declared: " + names(responses) + ")");
            return;
        }
        if (!response.has("content")) {
            if (body != null && !body.isEmpty()) problems.add(where + ": a body where the document declares none");
            return;
        }
        String type =
                contentType == null ? "" : contentType.replaceAll(";.*", "").strip();
        JsonNode media = response.path("content").get(type);
        if (media == null) {
            problems.add(where + ": content type '" + type + "' not declared (declared: "
                    + names(response.path("content")) + ")");
            return;
        }
        if (!type.equals("application/json") || !media.has("schema")) return;
        try {
            JsonNode value = JSON.readTree(body);
            ObjectNode schema = (ObjectNode) rewriteRefs(media.get("schema").deepCopy());
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            schema.set(
                    "$defs", rewriteRefs(doc.path("components").path("schemas").deepCopy()));
            Schema s = schemas.getSchema(schema);
            List<Error> errors = s.validate(value);
            for (Error m : errors) problems.add(where + ": " + m.getMessage());
        } catch (Exception e) {
            problems.add(where + ": body is not JSON: " + e.getMessage());
        }
    }

    <T> void check(String method, String path, HttpResponse<T> r) {
        Object body = r.body();
        String text = body instanceof byte[] b
                ? (r.headers().firstValue("Content-Type").orElse("").contains("json")
                        ? new String(b, StandardCharsets.UTF_8)
                        : null)
                : body == null ? null : body.toString();
        check(
                method,
                path,
                r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(null),
                text);
    }

    private static Pattern template(String path) {
        return Pattern.compile(Pattern.quote(path).replaceAll("\\{[A-Za-z]+}", "\\\\E[^/]+\\\\Q"));
    }

    /** {@code #/components/schemas/X} → {@code #/$defs/X}: the components become the schema's definitions. */
    private static JsonNode rewriteRefs(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            if (o.has("$ref")) o.put("$ref", o.get("$ref").asText().replace("#/components/schemas/", "#/$defs/"));
            o.fields().forEachRemaining(e -> rewriteRefs(e.getValue()));
        } else if (node.isArray()) {
            node.forEach(OpenApiConformance::rewriteRefs);
        }
        return node;
    }

    private static List<String> names(JsonNode node) {
        List<String> n = new ArrayList<>();
        node.fieldNames().forEachRemaining(n::add);
        return n;
    }
}

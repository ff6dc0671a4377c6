package io.reelsmith.api;

import io.reelsmith.app.batch.Themes;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3.1 document, generated from the {@link Route} table plus the schemas below. */
final class OpenApi {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

    private OpenApi() {}

    static Map<String, Object> document(List<Route> routes, long uploadMaxBytes) {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Route r : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item =
                    (Map<String, Object>) paths.computeIfAbsent(r.path(), k -> new LinkedHashMap<>());
            item.put(r.method().name().toLowerCase(Locale.ROOT), operation(r));
        }
        return map(
                "openapi",
                "3.1.0",
                "info",
                map(
                        "title",
                        "Reelsmith API",
                        "version",
                        "1",
                        "description",
                        "Theme + recurring character → subtitled 1080x1920 short video. Errors are "
                                + "{\"error\": code, \"message\": text}. Uploads are limited to " + uploadMaxBytes
                                + " bytes."),
                // Relative: the document is served by the server it describes, whatever its host and port.
                "servers",
                List.of(map("url", "/", "description", "the server that serves this document")),
                "security",
                List.of(map("bearer", List.of())),
                "paths",
                paths,
                "components",
                map(
                        "securitySchemes",
                        map("bearer", map("type", "http", "scheme", "bearer", "bearerFormat", "JWT")),
                        "schemas",
                        schemas()));
    }

    private static Map<String, Object> operation(Route r) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("tags", List.of(r.tag()));
        op.put("summary", r.summary());
        op.put(
                "operationId",
                r.method().name().toLowerCase(Locale.ROOT)
                        + r.path().replace("/api/v1", "").replaceAll("[^A-Za-z]+", "_"));
        // Every operation says how it is called: a bearer token, or explicitly nothing (register, login, health…).
        op.put("security", r.authenticated() ? List.of(map("bearer", List.of())) : List.of());
        List<Object> params = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(r.path());
        while (m.find()) params.add(map("name", m.group(1), "in", "path", "required", true, "schema", type("string")));
        for (String q : r.query()) {
            String[] p = q.split(":\\s*", 2);
            params.add(map(
                    "name",
                    p[0],
                    "in",
                    "query",
                    "required",
                    p[1].contains("(required)"),
                    "description",
                    p[1],
                    "schema",
                    map(
                            "type",
                            p[0].equals("fromBlock") || p[0].equals("limit") || p[0].equals("offset")
                                    ? "integer"
                                    : "string")));
        }
        if (!params.isEmpty()) op.put("parameters", params);
        if (Route.MULTIPART.equals(r.body())) {
            op.put(
                    "requestBody",
                    map("required", true, "content", map(Route.MULTIPART, map("schema", ref("CharacterUpload")))));
        } else if (r.body() != null) {
            op.put("requestBody", map("required", true, "content", map(Route.JSON, map("schema", ref(r.body())))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> content = new LinkedHashMap<>();
        for (String type : r.produces().split(",\\s*"))
            content.put(type, map("schema", r.returns() != null ? ref(r.returns()) : binary(type)));
        responses.put(
                String.valueOf(r.okStatus()),
                r.okStatus() == 204 ? map("description", "done") : map("description", "success", "content", content));
        Map<String, Object> error =
                map("description", "error", "content", map(Route.JSON, map("schema", ref("Error"))));
        if (r.method().name().equals("GET") && r.path().matches(".*/(files/\\{name}|image|clip|poster)$")) {
            Map<String, Object> partial = new LinkedHashMap<>();
            for (String type : content.keySet()) partial.put(type, map("schema", binary(type)));
            responses.put(
                    "206",
                    withHeader(
                            "the requested byte range (one range of the Range header, RFC 9110 §14)",
                            "Content-Range",
                            "bytes first-last/length",
                            "string",
                            partial));
            responses.put(
                    "416",
                    withHeader(
                            "the Range header is malformed or asks for no byte of the file",
                            "Content-Range",
                            "bytes */length",
                            "string",
                            error.get("content")));
        }
        if (r.body() != null && !Route.MULTIPART.equals(r.body())) {
            responses.put(
                    "415",
                    map("description", "the body was not sent as application/json", "content", error.get("content")));
        }
        if (r.path().matches(".*/auth/(register|login)$")) {
            responses.put(
                    "429",
                    withHeader(
                            "too many attempts for this account or from this address: wait Retry-After seconds",
                            "Retry-After",
                            "seconds to wait",
                            "integer",
                            error.get("content")));
        }
        if (r.method().name().equals("POST") && r.path().matches(".*/(start|retry|regenerate)$")) {
            responses.put(
                    "402",
                    map(
                            "description",
                            "the estimate of what the video still has to make is over your budget or its cap; nothing was paid",
                            "content",
                            map(Route.JSON, map("schema", ref("BudgetExceeded")))));
        }
        responses.put("4XX", error);
        responses.put("5XX", error);
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> schemas() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(
                "Error",
                object(
                        List.of("error", "message"),
                        "error",
                        str("machine-readable code, e.g. invalid_field"),
                        "message",
                        str("what went wrong, for people")));
        s.put(
                "Credentials",
                object(
                        List.of("email", "password"),
                        "email",
                        str("at most 254 characters"),
                        "password",
                        str(Passwords.MIN + ".." + Passwords.MAX
                                + " characters, not one of the most common passwords nor the email")));
        s.put(
                "CreateCharacter",
                object(
                        List.of("name"),
                        "name",
                        str("1.." + CharacterProfile.MAX_NAME + " characters"),
                        "description",
                        str("0.." + CharacterProfile.MAX_DESCRIPTION + " characters"),
                        "style",
                        str("0.." + CharacterProfile.MAX_STYLE + " characters, default cartoon")));
        s.put(
                "CharacterUpload",
                object(
                        List.of("name", "image"),
                        "name",
                        str("1.." + CharacterProfile.MAX_NAME + " characters"),
                        "description",
                        str("optional"),
                        "style",
                        str("optional"),
                        "image",
                        map(
                                "type",
                                "string",
                                "format",
                                "binary",
                                "description",
                                "PNG, JPEG or WebP (checked by content)")));
        s.put(
                "CreateVideo",
                objectOf(
                        List.of("theme"),
                        withSettings(
                                map(
                                        "theme",
                                        str("1.." + ScriptRequest.MAX_THEME_CHARS + " characters"),
                                        "characterIds",
                                        map(
                                                "type",
                                                "array",
                                                "items",
                                                str("uuid"),
                                                "minItems",
                                                1,
                                                "maxItems",
                                                JobSpec.MAX_CAST,
                                                "description",
                                                "the cast: 1.." + JobSpec.MAX_CAST
                                                        + " distinct ids of your characters, lead first (or characterId)"),
                                        "characterId",
                                        str("id of one of your characters: a one-character video (or characterIds)")),
                                map(
                                        "capUsd",
                                        map(
                                                "type",
                                                "number",
                                                "minimum",
                                                0,
                                                "description",
                                                "optional: most this video may ever spend, in US dollars"),
                                        "plan",
                                        map(
                                                "type",
                                                "string",
                                                "enum",
                                                List.of("continuous", "parallel"),
                                                "default",
                                                "continuous",
                                                "description",
                                                "google: continuous (one take, a block after another) or parallel (keyframes first, then every block at once)")))));
        s.put(
                "Token",
                props(
                        "token",
                        str("access token (a JWT) for 'Authorization: Bearer'"),
                        "expiresIn",
                        type("integer", "seconds the access token is valid (at most 3600)"),
                        "refreshToken",
                        str("renews the access token at POST /auth/refresh until logout; each use returns a new one")));
        s.put(
                "Refresh",
                object(List.of("refreshToken"), "refreshToken", str("the latest refresh token of the session")));
        s.put("Health", props("status", str("ok")));
        s.put(
                "Character",
                props(
                        "id",
                        str("uuid"),
                        "name",
                        str(""),
                        "description",
                        str(""),
                        "style",
                        str(""),
                        "source",
                        enumOf("generated", "upload"),
                        "imageUrl",
                        str("path of the PNG"),
                        "createdAt",
                        dateTime()));
        s.put("CharacterPage", page("Character"));
        s.put(
                "Step",
                props(
                        "name",
                        str("character, script, keyframe-N, block-N, subtitles or render"),
                        "status",
                        enumOf("pending", "running", "done", "failed"),
                        "attempts",
                        type("integer"),
                        "millis",
                        type("integer"),
                        "error",
                        orNull(str("last error")),
                        "startedAt",
                        orNull(dateTime()),
                        "finishedAt",
                        orNull(dateTime()),
                        "outputs",
                        type("object")));
        s.put(
                "Video",
                props(
                        "id",
                        str("uuid"),
                        "status",
                        enumOf("draft", "queued", "running", "completed", "failed", "cancelled"),
                        "theme",
                        str(""),
                        "characterId",
                        str("the lead's"),
                        "characterName",
                        str("the lead's"),
                        "cast",
                        map(
                                "type",
                                "array",
                                "description",
                                "every character of the video, lead first",
                                "items",
                                props("characterId", str(""), "name", str(""), "style", str(""))),
                        "blocks",
                        type("integer"),
                        "language",
                        str(""),
                        "provider",
                        str(""),
                        "plan",
                        enumOf("continuous", "parallel"),
                        "plans",
                        map(
                                "type",
                                "array",
                                "items",
                                ref("PlanFigures"),
                                "description",
                                "a paid draft: both plans of what it still has to make, side by side"),
                        "concurrency",
                        type("integer", "video calls the project may run at once (the parallel plan's rounds)"),
                        "estimate",
                        props(
                                "provider",
                                str(""),
                                "usd",
                                orNull(type("number")),
                                "plan",
                                map(
                                        "anyOf",
                                        List.of(ref("TakePlan"), map("type", "null")),
                                        "description",
                                        "how the video model films it (google); null for the local provider")),
                        "estimateUsd",
                        orNull(type("number", "estimated price when planned (0 for local)")),
                        "spentUsd",
                        type("number", "charged and uncertain spend of this video so far"),
                        "failReason",
                        map(
                                "type",
                                List.of("string", "null"),
                                "enum",
                                Arrays.asList("budget", "error", null),
                                "description",
                                "why a failed video failed: budget (stopped before a call over its budget) or error"),
                        "error",
                        orNull(str("last error, if any")),
                        "createdAt",
                        dateTime(),
                        "updatedAt",
                        dateTime(),
                        "progress",
                        props("done", type("integer"), "total", type("integer")),
                        "steps",
                        arrayOf("Step"),
                        "blockPreviews",
                        arrayOf("BlockPreview"),
                        "script",
                        map("anyOf", List.of(ref("Script"), map("type", "null")))));
        s.put(
                "TakePlan",
                map(
                        "type",
                        "object",
                        "description",
                        "a google video's chains: block 1 is a new clip, each next block extends the "
                                + "answer before it while the model on its surface allows (the model catalogue's extend rule), else restarts from the last "
                                + "frame (a visible cut); billed per new second",
                        "properties",
                        map(
                                "model",
                                str("video model id"),
                                "surface",
                                enumOf("gemini-api", "vertex"),
                                "calls",
                                type("integer"),
                                "chains",
                                type("integer"),
                                "restarts",
                                type("integer", "new chains after the first, each from a last frame"),
                                "billedSeconds",
                                type("number"),
                                "takeSeconds",
                                type("number", "the joined take: the billed seconds less one frame per restart"),
                                "summary",
                                str("the plan in words, as make --dry-run prints it"))));
        s.put(
                "BlockPreview",
                props(
                        "block",
                        type("integer"),
                        "status",
                        enumOf("pending", "running", "done", "failed"),
                        "driftScore",
                        orNull(type(
                                "number", "0..1: how surely the block shows the character (null: not checked yet)")),
                        "driftReason",
                        orNull(str("why, in a sentence")),
                        "retake",
                        orNull(
                                str(
                                        "none, kept retake, kept first, or refused: why (the block was re-made once when its score was under the threshold)")),
                        "poster",
                        orNull(str("URL of a frame of the block, once it is done")),
                        "clip",
                        orNull(
                                str(
                                        "URL of the block's video, once it is done (null where the provider encodes no clip per block)"))));
        s.put("VideoPage", page("Video"));
        s.put(
                "PlanFigures",
                props(
                        "plan",
                        enumOf("continuous", "parallel"),
                        "videoCalls",
                        type("integer"),
                        "imageCalls",
                        type("integer"),
                        "billedSeconds",
                        type("number"),
                        "usd",
                        type("number"),
                        "wall",
                        str("expected wait in call latencies, e.g. '8 L' or '1 L + 2 image calls' (L: one video call)"),
                        "videoCallsInARow",
                        type("integer"),
                        "imageCallsInARow",
                        type("integer"),
                        "refusal",
                        orNull(str("why the video model cannot film this plan"))));
        s.put(
                "Keyframe",
                props(
                        "number",
                        type("integer", "from 1: keyframe k opens block k"),
                        "step",
                        str("keyframe-N"),
                        "status",
                        enumOf("pending", "running", "done", "failed"),
                        "scene",
                        str("what it shows"),
                        "redraws",
                        type("integer"),
                        "image",
                        orNull(str("URL of the PNG once drawn"))));
        s.put(
                "Storyboard",
                props(
                        "videoId",
                        str("uuid"),
                        "drawn",
                        type("boolean"),
                        "keyframes",
                        arrayOf("Keyframe"),
                        "drawUsd",
                        type("number", "drawing the keyframes not drawn yet"),
                        "redrawUsd",
                        type("number", "drawing one keyframe again"),
                        "videoUsd",
                        type("number", "the video still to come: its clips and their drift checks"),
                        "spentUsd",
                        type("number", "spent on keyframes so far")));
        Map<String, Object> usdOrNull = orNull(type("number", "US dollars; null: no limit"));
        s.put(
                "Spend",
                props(
                        "budgetUsd",
                        usdOrNull,
                        "spentUsd",
                        type("number", "charged and uncertain calls"),
                        "reservedUsd",
                        type("number", "estimates held by your queued and running videos"),
                        "remainingUsd",
                        usdOrNull,
                        "entries",
                        arrayOf("SpendEntry")));
        s.put(
                "SpendEntry",
                props(
                        "videoId",
                        str("uuid"),
                        "step",
                        str("character, script, keyframe-N, block-N, frame-N"),
                        "model",
                        str(""),
                        "kind",
                        str("image, text, generate, extend, interpolate…"),
                        "quantity",
                        type("number"),
                        "unit",
                        str("second, image, call"),
                        "usd",
                        type("number"),
                        "status",
                        enumOf("charged", "not_charged", "uncertain"),
                        "operationId",
                        orNull(str("Google's operation; claim:KEY for an uncertain submission")),
                        "at",
                        dateTime()));
        s.put(
                "BudgetExceeded",
                object(
                        List.of("error", "estimateUsd", "remainingUsd", "message"),
                        "error",
                        enumOf("budget_exceeded"),
                        "estimateUsd",
                        type("number"),
                        "remainingUsd",
                        type("number"),
                        "message",
                        str("why, in plain words")));
        s.put(
                "CreateBatch",
                objectOf(
                        List.of("themes", "characterId", "budgetUsd"),
                        withSettings(
                                map(
                                        "themes",
                                        map(
                                                "type",
                                                "array",
                                                "minItems",
                                                1,
                                                "maxItems",
                                                Themes.MAX,
                                                "items",
                                                map(
                                                        "type",
                                                        "string",
                                                        "minLength",
                                                        1,
                                                        "maxLength",
                                                        ScriptRequest.MAX_THEME_CHARS),
                                                "description",
                                                "one video per theme, in this order"),
                                        "characterId",
                                        str("id of one of your characters")),
                                map(
                                        "budgetUsd",
                                        map(
                                                "type",
                                                "number",
                                                "exclusiveMinimum",
                                                0,
                                                "maximum",
                                                100000,
                                                "description",
                                                "the most the whole batch may spend, in US dollars")))));
        Map<String, Object> usdNumber = type("number", "US dollars");
        s.put(
                "BatchVideo",
                props(
                        "position",
                        type("integer"),
                        "id",
                        str("the video's id (its row exists once planned)"),
                        "theme",
                        str(""),
                        "status",
                        str(
                                "pending, starting, skipped, failed, or the video's status (queued, running, completed, …)"),
                        "reason",
                        orNull(str("budget or error, when skipped or failed before its video started")),
                        "message",
                        orNull(str("why, in plain words")),
                        "reservedUsd",
                        usdNumber,
                        "spentUsd",
                        usdNumber,
                        "finished",
                        type("boolean"),
                        "fileUrl",
                        orNull(str("its final.mp4 once completed"))));
        s.put(
                "Batch",
                props(
                        "id",
                        str("uuid"),
                        "status",
                        enumOf("starting", "running", "finished"),
                        "characterId",
                        str(""),
                        "provider",
                        str(""),
                        "blocks",
                        type("integer"),
                        "language",
                        str(""),
                        "budgetUsd",
                        usdNumber,
                        "spentUsd",
                        usdNumber,
                        "reservedUsd",
                        type("number", "held by its videos beyond what they spent"),
                        "remainingUsd",
                        type("number", "what a next video may still reserve"),
                        "counts",
                        map(
                                "type",
                                "object",
                                "additionalProperties",
                                type("integer"),
                                "description",
                                "videos per status"),
                        "filesUrl",
                        str("the ZIP of the finished videos"),
                        "createdAt",
                        dateTime(),
                        "videos",
                        arrayOf("BatchVideo")));
        s.put("BatchPage", page("Batch"));
        s.put(
                "Script",
                map(
                        "type",
                        "object",
                        "description",
                        "script.json: {title, language, blocks:[{number, dialogue:[{speaker,text}], visual, sound}]}"));
        return s;
    }

    private static Map<String, Object> binary(String contentType) {
        return contentType.equals(Route.JSON) ? type("object") : map("type", "string", "format", "binary");
    }

    private static Map<String, Object> object(List<String> required, Object... props) {
        return objectOf(required, map(props));
    }

    private static Map<String, Object> objectOf(List<String> required, Map<String, Object> properties) {
        return map("type", "object", "required", required, "additionalProperties", false, "properties", properties);
    }

    /** The settings a video and a batch are made with, between the properties before and after them. */
    private static Map<String, Object> withSettings(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> properties = new LinkedHashMap<>(before);
        properties.put(
                "blocks",
                map("type", "integer", "minimum", 1, "maximum", Script.MAX_BLOCKS, "default", VideoApi.DEFAULT_BLOCKS));
        properties.put("language", map("type", "string", "enum", List.of("en", "fr"), "default", "en"));
        properties.put(
                "provider",
                map("type", "string", "description", "local (free offline animatic) or google", "default", "local"));
        properties.putAll(after);
        return properties;
    }

    /** A response with one header: its name, what it says and its schema's type. */
    private static Map<String, Object> withHeader(
            String description, String header, String says, String type, Object content) {
        return map(
                "description",
                description,
                "headers",
                map(header, map("description", says, "schema", type(type))),
                "content",
                content);
    }

    /** An object schema of these properties (names and schemas in turn). */
    private static Map<String, Object> props(Object... namesAndSchemas) {
        return map("type", "object", "properties", map(namesAndSchemas));
    }

    private static Map<String, Object> type(String type) {
        return map("type", type);
    }

    private static Map<String, Object> type(String type, String description) {
        return map("type", type, "description", description);
    }

    private static Map<String, Object> enumOf(String... values) {
        return map("type", "string", "enum", List.of(values));
    }

    private static Map<String, Object> arrayOf(String schema) {
        return map("type", "array", "items", ref(schema));
    }

    private static Map<String, Object> page(String item) {
        return props(
                "items",
                map("type", "array", "items", ref(item)),
                "total",
                type("integer"),
                "limit",
                type("integer"),
                "offset",
                type("integer"));
    }

    /** The same schema, or JSON null (a value not there yet: an error, a time). */
    private static Map<String, Object> orNull(Map<String, Object> schema) {
        Map<String, Object> m = new LinkedHashMap<>(schema);
        m.put("type", List.of(schema.get("type"), "null"));
        return m;
    }

    private static Map<String, Object> dateTime() {
        return map("type", "string", "format", "date-time");
    }

    private static Map<String, Object> str(String description) {
        return map("type", "string", "description", description);
    }

    private static Map<String, Object> ref(String schema) {
        return map("$ref", "#/components/schemas/" + schema);
    }

    private static Map<String, Object> map(Object... kv) {
        return Json.object(kv);
    }
}

package io.reelsmith.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import io.reelsmith.app.ViewFields;
import io.reelsmith.app.batch.BatchService;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Request bodies in, responses out. Strict: a body that is not {@code application/json} is a 415 (so a cross-site
 * form or text/plain POST is refused); unknown fields, duplicate keys, data after the value, nesting deeper than
 * {@link #MAX_DEPTH}, wrong types and bad UTF-8 are 400s that say why without naming our Java classes.
 */
public final class Json {
    static final int MAX_DEPTH = 32;
    /** A fully-qualified Java name (java.lang.Integer, io.reelsmith.api.VideoApi$CreateVideo): never shown to a client. */
    private static final Pattern JAVA_NAME = Pattern.compile("`?\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+\\.[A-Z][\\w$]*`?");

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .registerModule(new JavaTimeModule())
            .addMixIn(BatchService.VideoProgress.class, BatchApi.ProgressNames.class)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    /** No JSON body the API takes is near this size; bigger ones are refused before parsing. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private Json() {}

    public static <T> T body(Context ctx, Class<T> type) {
        String text = utf8Body(ctx);
        if (text.isBlank())
            throw ApiError.badRequest("malformed_json", "the request body is empty; send a JSON object");
        try {
            MAPPER.readTree(
                    text); // the whole text first: depth, duplicate keys and trailing data, whatever the type stops at
            T value = MAPPER.readValue(text, type);
            if (value == null)
                throw ApiError.badRequest("malformed_json", "the request body must be a JSON object, not null");
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiError.badRequest(
                    "unknown_field",
                    "unknown field '" + e.getPropertyName() + "'; known fields: " + e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** The body as text after checking that it is one well-formed JSON value (no duplicate key, nothing after it). */
    public static String checkedText(Context ctx) {
        String text = utf8Body(ctx);
        try {
            MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
        return text;
    }

    private static ApiError malformed(JsonProcessingException e) {
        var loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String why;
        if (e instanceof StreamConstraintsException) why = "it is nested more than " + MAX_DEPTH + " levels deep";
        else if (e instanceof MismatchedInputException m
                && String.valueOf(m.getOriginalMessage()).startsWith("Trailing token")) {
            why = "there is more data after the JSON value";
        } else if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            why = "field '" + fieldPath(m) + "' has the wrong type";
        } else if (e instanceof MismatchedInputException) {
            why = "the body must be a JSON object with the documented fields";
        } else {
            why = scrub(e.getOriginalMessage());
        }
        return ApiError.badRequest("malformed_json", "malformed JSON" + where + ": " + why);
    }

    private static String fieldPath(MismatchedInputException e) {
        StringBuilder b = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) b.append(b.length() == 0 ? "" : ".").append(ref.getFieldName());
            else if (ref.getIndex() >= 0) b.append('[').append(ref.getIndex()).append(']');
        }
        return b.toString();
    }

    /** The text with any Java class name replaced by a neutral word. */
    static String scrub(String message) {
        return message == null ? null : JAVA_NAME.matcher(message).replaceAll("a value");
    }

    /** The body as text, refusing what is not valid UTF-8 instead of silently replacing bytes. */
    public static String utf8Body(Context ctx) {
        String type = ctx.contentType() == null
                ? ""
                : ctx.contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json")) {
            throw new ApiError(
                    415,
                    "unsupported_media_type",
                    "send the body as JSON with 'Content-Type: application/json'"
                            + (type.isEmpty() ? "" : ", not " + type.replaceAll("[^a-z0-9.+/-]", "")));
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY_BYTES)
            throw new ApiError(413, "too_large", "the request body is larger than " + MAX_BODY_BYTES + " bytes");
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiError.badRequest("invalid_utf8", "the request body is not valid UTF-8");
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JSON object from names and values in turn, in that order, nulls kept ({@code Map.of} would refuse a null
     * and forget the order): how every response body and schema of the API is written.
     */
    public static Map<String, Object> object(Object... namesAndValues) {
        return ViewFields.object(namesAndValues);
    }

    public static void respond(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(write(value));
    }
}

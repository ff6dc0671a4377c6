package io.reelsmith.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies in, responses out. Strict: unknown fields, wrong types and bad UTF-8 are 400s that say why. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    /** No JSON body the API takes is near this size; bigger ones are refused before parsing. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private Json() { }

    public static <T> T body(Context ctx, Class<T> type) {
        String text = utf8Body(ctx);
        if (text.isBlank()) throw ApiError.badRequest("malformed_json", "the request body is empty; send a JSON object");
        try {
            T value = MAPPER.readValue(text, type);
            if (value == null) throw ApiError.badRequest("malformed_json", "the request body must be a JSON object, not null");
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiError.badRequest("unknown_field", "unknown field '" + e.getPropertyName() + "'; known fields: " + e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw ApiError.badRequest("malformed_json", "malformed JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    /** The body as text, refusing what is not valid UTF-8 instead of silently replacing bytes. */
    public static String utf8Body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY_BYTES) throw new ApiError(413, "too_large", "the request body is larger than " + MAX_BODY_BYTES + " bytes");
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
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
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("a name without a value: " + namesAndValues.length + " arguments");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return m;
    }

    public static void respond(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(write(value));
    }
}

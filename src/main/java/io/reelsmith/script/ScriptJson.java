package io.reelsmith.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.reelsmith.kernel.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code script.json}: {"title":…, "language":"en", "blocks":[{"number":1, "dialogue":[{"speaker":…,"text":…}],
 * "visual":…, "sound":…}]}. The same shape is the JSON schema given to Gemini and the API's script body.
 */
public final class ScriptJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ScriptJson() {}

    public static String toJson(Script script) {
        try {
            return JSON.writeValueAsString(script);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses and validates; a problem becomes a {@link ScriptException} naming the line and column. */
    public static Script parse(String json) {
        try {
            Script s = JSON.readValue(json, Script.class);
            if (s == null) throw new ScriptException("the script JSON is empty");
            return s.validated();
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ScriptException("malformed script JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    public static Script read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static void write(Script script, Path file) throws IOException {
        AtomicFiles.writeAtomically(file, toJson(script));
    }
}

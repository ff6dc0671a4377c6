package io.reelsmith.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** JSON answers in Google's shape: {@code {"error":{"code","message","status"}}} for failures. */
final class HttpJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private HttpJson() {}

    static int error(HttpExchange ex, int code, String status, String message) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("code", code).put("message", message).put("status", status);
        send(ex, code, root);
        return code;
    }

    static void send(HttpExchange ex, int code, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(code, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    /** A request body for the trace, with long base64 strings cut. */
    static String shortened(JsonNode body) {
        return body.toString().replaceAll("\"([A-Za-z0-9+/=]{80})[A-Za-z0-9+/=]+\"", "\"$1…\"");
    }
}

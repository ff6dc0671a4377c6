package io.reelsmith.mcp;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The response the SDK's servlet writes to, as {@link McpHttp}'s filter hands it on: it shows every header set to
 * {@code onHeader} (the filter learns which user a new session belongs to), and it mends the SDK's transport errors.
 * SDK 2.2.0 answers a refused request (no session id, an unknown session, a wrong Accept header…) by serializing the
 * whole {@code McpError} exception — its Java stack trace included — instead of a JSON-RPC error
 * (modelcontextprotocol/java-sdk#955, open). An error status's body is therefore kept back and sent as
 * {@code {"jsonrpc":"2.0","error":{code,message}}} with the same status (no id: MCP's schema makes an error's id optional
 * but, when present, a string or number — the request's id is not known here).
 */
final class GateResponse extends HttpServletResponseWrapper {
    private final BiConsumer<String, String> onHeader;
    private ByteArrayOutputStream errorBody;
    private PrintWriter errorWriter;

    GateResponse(HttpServletResponse response, BiConsumer<String, String> onHeader) {
        super(response);
        this.onHeader = onHeader;
    }

    @Override
    public void setHeader(String name, String value) {
        onHeader.accept(name, value);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        onHeader.accept(name, value);
        super.addHeader(name, value);
    }

    @Override
    public void setStatus(int sc) {
        super.setStatus(sc);
        if (sc >= 400 && errorBody == null) errorBody = new ByteArrayOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (errorBody == null) return super.getWriter();
        if (errorWriter == null)
            errorWriter = new PrintWriter(new OutputStreamWriter(errorBody, StandardCharsets.UTF_8));
        return errorWriter;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (errorBody == null) super.flushBuffer();
    }

    /** Answers {@code status} with a JSON-RPC error that no request id can be given for (so it has none). */
    static void rpcError(HttpServletResponse res, int status, int code, String message) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json; charset=utf-8");
        res.getOutputStream().write(rpcError(code, message));
    }

    private static byte[] rpcError(Object code, Object message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> rpc = new LinkedHashMap<>();
        rpc.put("jsonrpc", "2.0");
        rpc.put("error", error);
        return McpServers.JSON.writeValueAsBytes(rpc);
    }

    /** Sends the kept-back error body, as a JSON-RPC error when the SDK wrote an exception. */
    void finish() throws IOException {
        if (errorBody == null) return;
        if (errorWriter != null) errorWriter.flush();
        byte[] body = errorBody.toByteArray();
        try {
            Map<?, ?> written = McpServers.JSON.readValue(body, Map.class);
            if (written.get("jsonRpcError") instanceof Map<?, ?> error)
                body = rpcError(error.get("code"), error.get("message"));
        } catch (IOException | RuntimeException notJson) {
            // not the SDK's exception body: sent as it was
        }
        getResponse().getOutputStream().write(body);
    }
}

package io.reelsmith.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The Streamable HTTP transport at {@code /mcp} on the API's server ({@code reelsmith serve}). A filter in front of the
 * SDK's servlet checks, in this order: the Host and Origin headers (DNS-rebinding protection, as the MCP transport
 * spec asks: a page on another site must not reach a local server; 421/403), the bearer token with the REST API's
 * own check (401 without a valid one), and that an MCP session is used only by the user who opened it (404 for
 * anyone else, as for an unknown session), and that a request in a session names a protocol version this server speaks
 * (400); the SDK's own refusals go out as JSON-RPC errors ({@link GateResponse}).
 * Each tool then acts for the request's user, so another user's ids are not found, exactly as in the REST API.
 */
public final class McpHttp implements AutoCloseable {
    public static final String PATH = "/mcp";
    /** Larger files are answered by resources/read with their download link on the REST API. */
    static final long INLINE_LIMIT = 16L * 1024 * 1024;

    /** The API's sign-in check: the user id of an Authorization header, or {@link NotSignedIn} saying what is wrong. */
    @FunctionalInterface
    public interface SignIn {
        String userId(String authorizationHeader);
    }

    /** No valid bearer token: its message is said to the client with a 401. */
    public static final class NotSignedIn extends RuntimeException {
        public NotSignedIn(String message) {
            super(message);
        }
    }

    private final HttpServletStreamableServerTransportProvider transport;
    private final McpSyncServer server;

    private McpHttp(HttpServletStreamableServerTransportProvider transport, McpSyncServer server) {
        this.transport = transport;
        this.server = server;
    }

    /**
     * Mounts /mcp. {@code hosts}: the Host values accepted ("name" or "name:*" for any port); {@code origins}: the
     * Origin values accepted from browsers ("http://name:*"); a request without Origin is not a browser's.
     */
    public static McpHttp mount(
            ServletContextHandler context, Services app, SignIn signIn, List<String> hosts, List<String> origins) {
        var security = DefaultServerTransportSecurityValidator.builder()
                .allowedHosts(hosts)
                .allowedOrigins(origins)
                .build();
        var transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(McpServers.JSON)
                .mcpEndpoint(PATH)
                .securityValidator(security)
                .keepAliveInterval(Duration.ofSeconds(30))
                .contextExtractor(req -> McpTransportContext.create(context(req)))
                .build();
        McpSyncServer server = McpServers.build(McpServer.sync(transport), app, Caller::of, INLINE_LIMIT);
        ServletHolder servlet = new ServletHolder("mcp", transport);
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, PATH);
        FilterHolder filter = new FilterHolder(new Gate(security, signIn, transport.protocolVersions()));
        filter.setAsyncSupported(true);
        context.addFilter(filter, PATH, EnumSet.of(DispatcherType.REQUEST));
        return new McpHttp(transport, server);
    }

    /** The loopback names a local server answers to, on any port: what a server on 127.0.0.1 accepts by default. */
    public static List<String> loopbackHosts() {
        return List.of("localhost:*", "127.0.0.1:*", "[::1]:*");
    }

    /** Browser origins of the loopback names. */
    public static List<String> loopbackOrigins() {
        return List.of("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*");
    }

    private static Map<String, Object> context(HttpServletRequest req) {
        Map<String, Object> m = new HashMap<>();
        m.put(Caller.USER, req.getAttribute(Caller.USER));
        m.put(Caller.BASE_URL, req.getScheme() + "://" + req.getHeader("Host"));
        return m;
    }

    /** The server behind /mcp, for tests that add the conformance suite's fixtures to it (production adds nothing). */
    McpSyncServer server() {
        return server;
    }

    @Override
    public void close() {
        server.closeGracefully();
        transport.closeGracefully().block(Duration.ofSeconds(5));
    }

    /** Host/Origin, then the bearer token, then the session's owner; what passes carries its user id. */
    private record Gate(
            DefaultServerTransportSecurityValidator security,
            SignIn signIn,
            List<String> versions,
            Map<String, String> sessions)
            implements Filter {
        Gate(DefaultServerTransportSecurityValidator security, SignIn signIn, List<String> versions) {
            this(security, signIn, versions, new ConcurrentHashMap<>());
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest req = (HttpServletRequest) request;
            HttpServletResponse res = (HttpServletResponse) response;
            try {
                security.validateHeaders(headers(req));
            } catch (ServerTransportSecurityException e) {
                refuse(
                        res,
                        e.getStatusCode(),
                        "forbidden",
                        e.getMessage() + ": this server answers only to " + "its own host names");
                return;
            }
            String user;
            try {
                user = signIn.userId(req.getHeader("Authorization"));
            } catch (NotSignedIn e) {
                res.setHeader("WWW-Authenticate", "Bearer realm=\"reelsmith\"");
                refuse(res, 401, "unauthorized", e.getMessage());
                return;
            }
            String session = req.getHeader("Mcp-Session-Id");
            if (session != null
                    && sessions.containsKey(session)
                    && !sessions.get(session).equals(user)) {
                refuse(res, 404, "not_found", "session not found");
                return;
            }
            // the transport spec (2025-11-25) asks for a 400 on an unsupported MCP-Protocol-Version, which the SDK does
            // not check; only
            // requests in a session are judged (an initialize carries no version header, it negotiates one). A plain
            // 400, not the
            // 2026-07-28 UnsupportedProtocolVersion error, so a client that speaks both eras falls back to initialize.
            String version = req.getHeader("MCP-Protocol-Version");
            if (session != null && version != null && !versions.contains(version.strip())) {
                GateResponse.rpcError(
                        res,
                        400,
                        -32000,
                        "Bad Request: unsupported protocol version " + version.strip() + " (supported versions: "
                                + String.join(", ", versions) + ")");
                return;
            }
            req.setAttribute(Caller.USER, user);
            GateResponse answer = new GateResponse(res, (name, value) -> own(name, value, user));
            chain.doFilter(req, answer);
            answer.finish();
            if ("DELETE".equals(req.getMethod()) && session != null && res.getStatus() < 300) sessions.remove(session);
        }

        /** A session id the server hands out belongs to the user whose request opened it. */
        private void own(String header, String value, String user) {
            if ("Mcp-Session-Id".equalsIgnoreCase(header) && value != null) sessions.putIfAbsent(value, user);
        }

        private static Map<String, List<String>> headers(HttpServletRequest req) {
            Map<String, List<String>> out = new HashMap<>();
            for (String name : Collections.list(req.getHeaderNames()))
                out.put(name, new ArrayList<>(Collections.list(req.getHeaders(name))));
            return out;
        }

        private static void refuse(HttpServletResponse res, int status, String code, String message)
                throws IOException {
            res.setStatus(status);
            res.setContentType("application/json; charset=utf-8");
            String m = message == null ? code : message.replace("\\", "\\\\").replace("\"", "\\\"");
            res.getOutputStream()
                    .write(("{\"error\":\"" + code + "\",\"message\":\"" + m + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }
}

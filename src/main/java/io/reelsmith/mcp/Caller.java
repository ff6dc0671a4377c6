package io.reelsmith.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;

/**
 * Who calls a tool: the signed-in user of an HTTP request (set by {@link McpHttp}), or the one local user of the
 * stdio server. {@code baseUrl}: the server's address as the client reached it, for download links (null on stdio,
 * where files are read inline); {@code localFiles}: whether a tool may read a path on this machine (stdio only).
 */
record Caller(String userId, String baseUrl, boolean localFiles) {
    static final String USER = "reelsmith.user", BASE_URL = "reelsmith.baseUrl";

    /** The caller of an HTTP request, from the transport context that {@link McpHttp} filled. */
    static Caller of(McpSyncServerExchange exchange) {
        McpTransportContext ctx = exchange.transportContext();
        Object user = ctx == null ? null : ctx.get(USER);
        if (user == null) throw new IllegalStateException("no signed-in user on this MCP request");
        return new Caller((String) user, (String) ctx.get(BASE_URL), false);
    }
}

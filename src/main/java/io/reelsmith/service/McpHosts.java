package io.reelsmith.service;

import io.reelsmith.mcp.McpHttp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which Host and Origin headers the MCP endpoint accepts (DNS-rebinding protection): the loopback names on any
 * port, the address the server listens on when it is a name or a specific address, and the names an operator lists
 * in {@code REELSMITH_MCP_ALLOWED_HOSTS} / {@code REELSMITH_MCP_ALLOWED_ORIGINS} (comma-separated, "name:*" for any
 * port) — a server behind a proxy or on a public name must list that name.
 */
final class McpHosts {
    private McpHosts() { }

    static List<String> hosts(String listenHost, Map<String, String> env) {
        List<String> out = new ArrayList<>(McpHttp.loopbackHosts());
        if (!isWildcard(listenHost)) out.add(listenHost + ":*");
        out.addAll(list(env.get("REELSMITH_MCP_ALLOWED_HOSTS")));
        return out;
    }

    static List<String> origins(String listenHost, Map<String, String> env) {
        List<String> out = new ArrayList<>(McpHttp.loopbackOrigins());
        if (!isWildcard(listenHost)) out.add("http://" + listenHost + ":*");
        out.addAll(list(env.get("REELSMITH_MCP_ALLOWED_ORIGINS")));
        return out;
    }

    private static boolean isWildcard(String host) {
        return host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}

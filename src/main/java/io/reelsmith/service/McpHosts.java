package io.reelsmith.service;

import io.reelsmith.mcp.McpHttp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which Host and Origin headers the MCP endpoint accepts (DNS-rebinding protection): the loopback names on any
 * port, the address the server listens on when it is a name or a specific address, and the names an operator lists
 * in {@code reelsmith.mcp.allowed.hosts} / {@code reelsmith.mcp.allowed.origins} ({@code REELSMITH_MCP_ALLOWED_HOSTS} …;
 * comma-separated, "name:*" for any port) — a server behind a proxy or on a public name must list that name.
 */
final class McpHosts {
    private McpHosts() {}

    static List<String> hosts(String listenHost, String allowed) {
        List<String> out = new ArrayList<>(McpHttp.loopbackHosts());
        if (!isWildcard(listenHost)) out.add(listenHost + ":*");
        out.addAll(list(allowed));
        return out;
    }

    static List<String> origins(String listenHost, String allowed) {
        List<String> out = new ArrayList<>(McpHttp.loopbackOrigins());
        if (!isWildcard(listenHost)) out.add("http://" + listenHost + ":*");
        out.addAll(list(allowed));
        return out;
    }

    private static boolean isWildcard(String host) {
        return host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private static List<String> list(String value) {
        return value == null
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .toList();
    }
}

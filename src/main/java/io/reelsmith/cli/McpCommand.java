package io.reelsmith.cli;

import io.reelsmith.mcp.McpStdio;
import io.reelsmith.service.Service;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code reelsmith mcp}: the MCP server on standard input and output, for an assistant on this machine. One local
 * user ({@value #LOCAL_USER}) in the data folder, with the job server in the same process; no HTTP, no dashboard.
 */
@Command(
        name = "mcp",
        description =
                "Serve the Model Context Protocol on stdin/stdout (an MCP client starts this command); see docs/mcp.md.")
public final class McpCommand implements Callable<Integer> {
    static final String LOCAL_USER = "local@reelsmith.local";

    @Mixin
    ServiceOptions options = new ServiceOptions();

    @Override
    public Integer call() throws Exception {
        // stdout carries JSON-RPC messages only: anything a library prints goes to stderr instead
        PrintStream protocol = System.out;
        System.setOut(System.err);
        var config = options.load(Map.of("reelsmith.dashboard.port", "-1", "reelsmith.health.port", "-1"));
        try (Service service = Service.start(config, false, true)) {
            McpStdio.serve(service.mcp(), service.localUser(LOCAL_USER), System.in, protocol);
        }
        return 0;
    }
}

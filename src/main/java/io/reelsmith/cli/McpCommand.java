package io.reelsmith.cli;

import io.reelsmith.config.ReelsmithConfig;
import io.reelsmith.mcp.McpStdio;
import io.reelsmith.service.Service;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code reelsmith mcp}: the MCP server on standard input and output, for an assistant on this machine. One local
 * user ({@value #LOCAL_USER}) in the data folder, with the job server in the same process; no HTTP, no dashboard.
 */
@Command(
        name = "mcp",
        description =
                "Serve the Model Context Protocol on stdin/stdout (an MCP client starts this command); see docs/mcp.md.")
public final class McpCommand extends ServiceCommand {
    static final String LOCAL_USER = "local@reelsmith.local";

    @Override
    Map<String, String> overrides() {
        return Map.of("reelsmith.dashboard.port", "-1", "reelsmith.health.port", "-1");
    }

    @Override
    int run(ReelsmithConfig config) throws Exception {
        // stdout carries JSON-RPC messages only: anything a library prints goes to stderr instead
        PrintStream protocol = System.out;
        System.setOut(System.err);
        try (Service service = Service.start(config, false, true)) {
            McpStdio.serve(service.mcp(), service.localUser(LOCAL_USER), System.in, protocol);
        }
        return 0;
    }
}

package io.reelsmith.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.function.Function;

/**
 * Reelsmith's MCP server, whatever the transport: its tools (characters, price, plan, make, status, regenerate,
 * cancel, batches), the result files as resource templates, and the prompt "a short about…".
 */
public final class McpServers {
    static final String NAME = "reelsmith", VERSION = "0.1.0";
    // the SDK's own mapper settings (a plain ObjectMapper): the protocol's records carry their Jackson annotations
    static final McpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());
    static final String INSTRUCTIONS =
            "Reelsmith makes subtitled vertical short videos (1080x1920) from a theme and recurring characters. "
                    + "Flow: list_characters or create_character → price_video → plan_video (writes the script, shows the price per back end and "
                    + "your budget) → make_video with a spending limit (maxSpendUsd) and follow=true → read the result resources. "
                    + "The local provider is free; google pays Gemini and Veo/Omni within your budget.";

    private McpServers() {}

    /** Builds the server on a spec (stdio or Streamable HTTP); {@code inlineLimit}: largest file sent inside resources/read. */
    static McpSyncServer build(
            McpServer.SyncSpecification<?> spec,
            Services app,
            Function<McpSyncServerExchange, Caller> callers,
            long inlineLimit) {
        Resources resources = new Resources(app, callers, inlineLimit);
        var tools = new ArrayList<>(CharacterTools.all(JSON, callers, app));
        tools.addAll(VideoTools.all(JSON, callers, app, resources));
        return spec.serverInfo(NAME, VERSION)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder()
                        .tools(false)
                        .resources(false, false)
                        .prompts(false)
                        .logging()
                        .build())
                // our handlers check arguments themselves, with one sentence per problem (Args)
                .validateToolInputs(false)
                .tools(tools)
                .resourceTemplates(resources.templates())
                .prompts(ShortPrompt.spec())
                .build();
    }
}

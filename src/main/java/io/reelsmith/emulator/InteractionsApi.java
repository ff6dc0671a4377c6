package io.reelsmith.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.reelsmith.google.GoogleModels;
import io.reelsmith.google.Surface;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Interactions API as Gemini Omni Flash serves it: on an API key {@code POST /v1beta/interactions} and
 * {@code GET /v1beta/interactions/{id}}; on Agent Platform the same under {@code /v1beta1/projects/{p}/locations/{l}}
 * with a bearer token, videos inline (Rule.OMNI_AGENT_PLATFORM). The body is snake_case: {@code model, input,
 * response_format{type:video, aspect_ratio, resolution, delivery, duration}, generation_config.video_config.task,
 * previous_interaction_id, background, store}; the answer {@code {id, status, steps[…, model_output{content:[{type:video,
 * mime_type, data|uri}]}], usage}}. Omni's rules ({@link OmniWireRules}, and the model's extend rule in the catalogue)
 * are enforced. An extension answers one video, the input's kept tail followed by the new seconds: the whole chain on
 * the Gemini API (Rule.OMNI_WHOLE_ANSWER, at most 40 s), the input's last 30 s on Agent Platform (Rule.OMNI_TAIL_ANSWER).
 * A created interaction that will deliver is logged billable for its new seconds; a uri is a files URI served by the
 * emulator's download route. A retired or unknown model id is refused by {@link ModelGate}, as on every route.
 */
final class InteractionsApi {
    /** The emulator's key check and fault draw (one place, in {@link GeminiEmulator}). */
    interface Gate {
        int refuse(HttpExchange ex, boolean videoStart, Fault[] drawn, boolean vertex) throws IOException;
    }

    private static final Pattern CREATE =
            Pattern.compile("/v1beta/interactions|/v1beta1/projects/[^/]+/locations/[^/]+/interactions");
    private static final Pattern GET =
            Pattern.compile("(?:/v1beta|/v1beta1/projects/[^/]+/locations/[^/]+)/interactions/([A-Za-z0-9_-]+)");
    private static final int TOKENS_PER_SECOND = 5792; // what Google reports per second of 720p video with audio

    /**
     * What the emulator shares with these routes; {@code started}: told after each interaction is created (the
     * emulator counts the video calls running at once).
     */
    record Shared(
            EmulatorOptions options,
            Path workDir,
            ClipMaker clips,
            CallLog log,
            Map<String, StoredVideo> videos,
            Transcripts transcripts,
            ExecutorService encoder,
            Gate gate,
            Supplier<String> ids,
            Drift drift,
            Runnable started) {}

    private final Shared shared;
    private final Map<String, StoredInteraction> interactions = new ConcurrentHashMap<>();
    private final Map<String, String> prompts = new ConcurrentHashMap<>();

    InteractionsApi(Shared shared) {
        this.shared = shared;
    }

    /** Answers the request if it is one of these routes; false to let the emulator route it. */
    boolean handle(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod();
        boolean vertex = path.startsWith("/v1beta1/");
        Matcher m;
        if (method.equals("POST") && CREATE.matcher(path).matches()) {
            create(ex, HttpJson.JSON.readTree(ex.getRequestBody()), vertex);
        } else if (method.equals("GET") && (m = GET.matcher(path)).matches()) {
            get(ex, m.group(1), vertex);
        } else {
            return false;
        }
        return true;
    }

    private void create(HttpExchange ex, JsonNode body, boolean vertex) throws IOException {
        String model = body.path("model").asText("");
        String task = OmniWireRules.task(body);
        String kind = kind(task, OmniWireRules.hasLastFrame(body));
        Surface surface = vertex ? Surface.VERTEX : Surface.GEMINI_API;
        Fault[] drawn = new Fault[1];
        int refused = shared.gate().refuse(ex, true, drawn, vertex);
        if (refused != 0) {
            shared.log().add(CallLog.Call.free(kind, model, refused, null, null));
            return;
        }
        Optional<ModelGate.Refusal> gated =
                ModelGate.check(model, surface, "interactions", vertex ? "v1beta1" : "v1beta");
        if (gated.isPresent()) {
            shared.log()
                    .add(CallLog.Call.free(
                            kind, model, gated.get().code(), null, gated.get().message()));
            HttpJson.error(
                    ex, gated.get().code(), gated.get().status(), gated.get().message());
            return;
        }
        String problem = OmniWireRules.check(body);
        JsonNode format = body.path("response_format");
        int seconds = OmniWireRules.seconds(format);
        String aspect = format.path("aspect_ratio").asText("16:9");
        StoredInteraction previous = null;
        if (problem == null && task.equals("extend")) {
            previous = interactions.get(body.path("previous_interaction_id").asText());
            if (previous == null || !previous.stored()) {
                problem = Rule.OMNI_EXTEND_PREVIOUS.refuse("previous_interaction_id "
                        + body.path("previous_interaction_id").asText()
                        + " was not found (was it created with store: true?).");
            } else if (!previous.isDone(Instant.now()) || !previous.makesVideo()) {
                problem = Rule.OMNI_EXTEND_PREVIOUS.refuse(
                        "previous interaction " + previous.id() + " has no finished video to extend.");
            } else if (!previous.aspectRatio().equals(aspect)) {
                problem = Rule.OMNI_EXTEND_PREVIOUS.refuse("aspect_ratio " + aspect
                        + " does not match the video being extended (" + previous.aspectRatio() + ").");
            } else {
                // 3-10 new seconds (Rule.OMNI_EXTEND_SECONDS); on the Gemini API the answer stays within 40 s
                // (Rule.OMNI_CHAIN_TOTAL)
                problem = ModelGate.extensionProblem(model, surface, previous.answerSeconds(), seconds);
            }
        }
        if (problem != null) {
            shared.log().add(CallLog.Call.free(kind, model, 400, null, problem));
            HttpJson.error(ex, 400, "INVALID_ARGUMENT", problem);
            return;
        }
        Fault fault = drawn[0];
        String id = "v1_" + shared.ids().get();
        GoogleModels.Extension rule = previous == null
                ? null
                : GoogleModels.builtIn()
                        .find(model)
                        .flatMap(x -> x.extension(surface))
                        .orElseThrow();
        double answerSeconds = previous == null ? seconds : rule.answerSeconds(previous.answerSeconds(), seconds);
        Duration latency = fault == Fault.SLOW
                ? shared.options().latency().multipliedBy(Faults.SLOW_FACTOR)
                : shared.options().latency();
        boolean makesVideo = LongRunning.makesVideo(fault);
        String prompt = prompt(body);
        StoredInteraction prev = previous;
        boolean drifted = makesVideo && shared.drift().next();
        CompletableFuture<StoredVideo> video = makesVideo
                ? CompletableFuture.supplyAsync(
                        () -> make(task, body, prompt, seconds, aspect, prev, rule, drifted), shared.encoder())
                : new CompletableFuture<>();
        // Agent Platform has no files route: its videos come inline (Rule.OMNI_AGENT_PLATFORM)
        boolean inline = vertex || format.path("delivery").asText("inline").equals("inline");
        StoredInteraction it = new StoredInteraction(
                id,
                model,
                task,
                seconds,
                answerSeconds,
                aspect,
                inline,
                body.path("store").asBoolean(true),
                Instant.now().plus(latency),
                fault,
                video);
        interactions.put(id, it);
        shared.started().run();
        prompts.put(id, prompt);
        // billed for the new seconds only (Rule.OMNI_WHOLE_ANSWER)
        shared.log()
                .add(CallLog.Call.videoStart(
                        kind, model, makesVideo, seconds, id, fault, drifted, OmniWireRules.referenceImages(body)));
        if (!body.path("background").asBoolean(false))
            awaitQuietly(it); // without background the call answers when done
        HttpJson.send(ex, 200, answer(it));
    }

    /** Interactions created and not done at {@code now}. */
    int running(Instant now) {
        return (int) interactions.values().stream().filter(i -> !i.isDone(now)).count();
    }

    private void get(HttpExchange ex, String id, boolean vertex) throws IOException {
        LongRunning.poll(
                ex,
                shared.log(),
                shared.gate().refuse(ex, false, new Fault[1], vertex),
                "Interaction",
                id,
                interactions.get(id),
                (it, done) -> answer(it));
    }

    /** {@code lastFrame}: an image_to_video request with a second image (a first-and-last-frame clip). */
    static String kind(String task, boolean lastFrame) {
        return switch (task) {
            case "extend" -> "omni-extend";
            case "image_to_video" -> lastFrame ? "omni-first-last" : "omni-first-frame";
            default -> "omni-generate";
        };
    }

    /**
     * {@code drifted}: the new seconds show {@link Drift#stranger()} instead of what they should. An extension's video is
     * one file: the input's kept tail ({@code rule}), then the new seconds, which start right after the input's last frame.
     */
    private StoredVideo make(
            String task,
            JsonNode body,
            String prompt,
            int seconds,
            String aspect,
            StoredInteraction previous,
            GoogleModels.Extension rule,
            boolean drifted) {
        try {
            String id = shared.ids().get();
            Path out = shared.workDir().resolve(id + ".mp4");
            byte[] first = firstImage(body);
            byte[] drawn = drifted ? Drift.stranger() : first;
            String said = ClipMaker.quotedSpeech(prompt);
            if (task.equals("extend")) {
                StoredVideo src = previous.video().join();
                Path fresh = shared.workDir().resolve(id + ".new.mp4");
                shared.clips()
                        .omni(
                                prompt,
                                drifted ? Drift.stranger() : ClipMaker.lastFrame(src.file()),
                                null,
                                seconds,
                                true,
                                fresh);
                double kept = rule.keptInputSeconds() == null
                        ? src.seconds()
                        : Math.min(src.seconds(), rule.keptInputSeconds());
                ClipMaker.append(src.file(), src.seconds() - kept, fresh, out);
                shared.transcripts().rememberClip(fresh, 0, said);
                Files.delete(fresh);
            } else if (task.equals("image_to_video") && OmniWireRules.hasLastFrame(body)) {
                shared.clips().between(prompt, drawn, image(body, 1), seconds, out);
                shared.transcripts().rememberClip(out, 0, said);
            } else if (task.equals("image_to_video")) {
                shared.clips().omni(prompt, drawn, null, seconds, false, out);
                shared.transcripts().rememberClip(out, 0, said);
            } else {
                shared.clips().omni(prompt, null, drawn, seconds, false, out);
                shared.transcripts().rememberClip(out, 0, said);
            }
            double length = previous == null ? seconds : rule.answerSeconds(previous.answerSeconds(), seconds);
            StoredVideo v = new StoredVideo(
                    id, out, length, Instant.now(), aspect, first, GeminiEmulator.sha256(Files.readAllBytes(out)));
            shared.videos().put(id, v);
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode answer(StoredInteraction it) throws IOException {
        ObjectNode a = HttpJson.JSON
                .createObjectNode()
                .put("id", it.id())
                .put("object", "interaction")
                .put("model", it.model());
        boolean done = it.isDone(Instant.now());
        ArrayNode steps = a.putArray("steps");
        steps.addObject()
                .put("type", "user_input")
                .putArray("content")
                .addObject()
                .put("type", "text")
                .put("text", prompts.getOrDefault(it.id(), ""));
        if (!done) {
            a.put("status", "in_progress");
            return a;
        }
        if (it.fault() == Fault.SAFETY_FILTERED) {
            a.put("status", "failed");
            a.putArray("errors")
                    .addObject()
                    .put("code", "SAFETY")
                    .put(
                            "message",
                            "The video was blocked by the safety filter (audio). You will not be charged for this request. [injected]");
            return a;
        }
        if (it.fault() == null || it.fault() == Fault.SLOW) {
            if (it.video().isCompletedExceptionally()) {
                a.put("status", "failed");
                a.putArray("errors").addObject().put("code", "INTERNAL").put("message", "Video generation failed.");
                return a;
            }
            StoredVideo v = it.video().join();
            ObjectNode video = steps.addObject()
                    .put("type", "model_output")
                    .putArray("content")
                    .addObject()
                    .put("type", "video")
                    .put("mime_type", "video/mp4");
            if (it.inline()) video.put("data", Base64.getEncoder().encodeToString(Files.readAllBytes(v.file())));
            else video.put("uri", String.format(OperationAnswers.FILE_URI, v.id()));
        } // EMPTY_RESPONSE: completed, with no model output at all
        a.put("status", "completed");
        ObjectNode usage = a.putObject("usage");
        int tokens = it.makesVideo() ? TOKENS_PER_SECOND * it.seconds() : 0; // the new seconds: what is billed
        usage.put("total_output_tokens", tokens).put("total_tokens", tokens);
        usage.putArray("output_tokens_by_modality")
                .addObject()
                .put("modality", "video")
                .put("tokens", tokens);
        return a;
    }

    private static String prompt(JsonNode body) {
        if (body.path("input").isTextual()) return body.path("input").asText();
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : body.path("input"))
            if (c.path("type").asText().equals("text"))
                sb.append(c.path("text").asText()).append('\n');
        return sb.toString().strip();
    }

    private static byte[] firstImage(JsonNode body) {
        return image(body, 0);
    }

    /** The {@code n}-th image of the input (0: the first), or null. */
    private static byte[] image(JsonNode body, int n) {
        for (JsonNode c : body.path("input")) {
            if (c.path("type").asText().equals("image") && c.hasNonNull("data") && n-- == 0)
                return Base64.getDecoder().decode(c.get("data").asText());
        }
        return null;
    }

    private static void awaitQuietly(StoredInteraction it) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!it.isDone(Instant.now()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

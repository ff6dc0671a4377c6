package io.reelsmith.video.omni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.gaos.models.errors.GaosBaseException;
import com.google.genai.gaos.models.errors.GaosClientException;
import com.google.genai.gaos.models.errors.GaosServerException;
import com.google.genai.gaos.models.interactions.Content;
import com.google.genai.gaos.models.interactions.CreateModelInteraction;
import com.google.genai.gaos.models.interactions.CreateModelInteractionResponseFormat;
import com.google.genai.gaos.models.interactions.GenerationConfig;
import com.google.genai.gaos.models.interactions.ImageContent;
import com.google.genai.gaos.models.interactions.ImageContentMimeType;
import com.google.genai.gaos.models.interactions.Interaction;
import com.google.genai.gaos.models.interactions.InteractionStatus;
import com.google.genai.gaos.models.interactions.InteractionsInput;
import com.google.genai.gaos.models.interactions.ModelOutputStep;
import com.google.genai.gaos.models.interactions.Resolution;
import com.google.genai.gaos.models.interactions.ResponseFormat;
import com.google.genai.gaos.models.interactions.Step;
import com.google.genai.gaos.models.interactions.Task;
import com.google.genai.gaos.models.interactions.TextContent;
import com.google.genai.gaos.models.interactions.VideoConfig;
import com.google.genai.gaos.models.interactions.VideoContent;
import com.google.genai.gaos.models.interactions.VideoResponseFormat;
import com.google.genai.gaos.models.interactions.VideoResponseFormatAspectRatio;
import com.google.genai.gaos.models.interactions.VideoResponseFormatDelivery;
import com.google.genai.gaos.models.operations.CreateInteractionRequestBody;
import com.google.genai.gaos.models.operations.GetInteractionByIdRequest;
import io.reelsmith.google.ApiCalls;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.GoogleException;
import io.reelsmith.google.ImageMime;
import io.reelsmith.video.longrun.ClipStatus;
import io.reelsmith.video.veo.VeoClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Gemini Omni Flash through the SDK's Interactions API ({@code client.interactions}, SDK 2.3.0): create a
 * background interaction, get it by id, download its video (a files uri, through the same files route as Veo's).
 * Calls go through {@link ApiCalls} (our retry policy; the SDK's own is off): a create refused with 429/5xx
 * started nothing, so retrying it cannot pay twice.
 */
public final class OmniClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Client client;
    private final ApiCalls calls;
    private final VeoClient files;
    private final OmniLimits limits;
    private final boolean vertex;

    public OmniClient(Client client, GoogleConfig config) {
        this.client = client;
        this.calls = new ApiCalls(config);
        this.files = new VeoClient(client, config);
        this.limits = OmniLimits.of(config.video(), config.surface());
        this.vertex = config.vertex();
    }

    /** Creates the interaction (background, stored so that the next block can continue it) and returns its id. */
    public String create(OmniRequest r) throws GoogleException {
        OmniRequest.check(r, limits);
        List<Content> input = new ArrayList<>();
        input.add(TextContent.builder().text(r.prompt()).build());
        if (r.firstFrame() != null)
            input.add(image(r.firstFrame())); // image_to_video: the first image is the first frame
        if (r.lastFrame() != null)
            input.add(image(r.lastFrame())); // and a second one the last (Google's Omni notebook, "Interpolation")
        for (byte[] ref : r.referenceImages()) input.add(image(ref));
        CreateModelInteraction.Builder b = CreateModelInteraction.builder()
                .model(r.model())
                .input(InteractionsInput.ofContent(input))
                .responseFormat(CreateModelInteractionResponseFormat.of(ResponseFormat.of(VideoResponseFormat.builder()
                        .aspectRatio(VideoResponseFormatAspectRatio.of(OmniRequest.ASPECT_RATIO))
                        .resolution(Resolution.of(OmniRequest.RESOLUTION))
                        // the Gemini API caps inline videos at 4 MB (an 8 s 720p clip can pass it): a files uri there;
                        // Agent
                        // Platform has no files route, so inline (inferred, as Veo on Vertex answers inline without a
                        // bucket)
                        .delivery(vertex ? VideoResponseFormatDelivery.INLINE : VideoResponseFormatDelivery.URI)
                        .duration(r.seconds() + "s")
                        .build())))
                .generationConfig(GenerationConfig.builder()
                        .videoConfig(
                                VideoConfig.builder().task(Task.of(r.task())).build())
                        .build())
                .background(true)
                .store(true); // the next block continues this interaction
        if (r.previousInteractionId() != null) b.previousInteractionId(r.previousInteractionId());
        CreateInteractionRequestBody body = CreateInteractionRequestBody.of(b.build());
        Interaction it = calls.call(
                "Omni " + r.task() + " request",
                sdk(() -> client.interactions.create(body).interaction().orElse(null)));
        if (it == null || it.id().isEmpty())
            throw new GoogleException("Omni accepted the " + r.task() + " request but returned no interaction id");
        return it.id().get();
    }

    /** One poll (retried on transient errors); never creates anything. */
    public ClipStatus poll(String id, long deadlineNanos) throws GoogleException {
        Interaction it = calls.call(
                "polling Omni interaction " + id,
                sdk(() -> client.interactions
                        .get(new GetInteractionByIdRequest(id))
                        .interaction()
                        .orElse(null)),
                deadlineNanos);
        if (it == null) throw new GoogleException("polling Omni interaction " + id + " returned no interaction");
        InteractionStatus status = it.status().orElse(InteractionStatus.IN_PROGRESS);
        String s = status.value().toLowerCase(Locale.ROOT);
        if (s.equals("in_progress") || s.equals("queued"))
            return new ClipStatus(ClipStatus.State.RUNNING, null, null, null);
        if (s.equals("completed")) {
            VideoContent v = video(it);
            if (v != null && v.uri().isPresent())
                return new ClipStatus(ClipStatus.State.SUCCEEDED, v.uri().get(), null, null);
            if (v != null && v.data().isPresent())
                return new ClipStatus(
                        ClipStatus.State.SUCCEEDED,
                        null,
                        Base64.getDecoder().decode(v.data().get()),
                        null);
            return new ClipStatus(
                    ClipStatus.State.FAILED,
                    null,
                    null,
                    "Omni finished without a video and without saying why (empty response)");
        }
        List<String> errors = it.errors().orElse(List.of()).stream()
                .map(e -> e.code().map(c -> c + ": ").orElse("") + e.message().orElse(""))
                .toList();
        String why = errors.isEmpty() ? "status " + s : String.join("; ", errors);
        if (why.toLowerCase(Locale.ROOT).contains("safety")) {
            return new ClipStatus(
                    ClipStatus.State.FILTERED, null, null, "Omni's safety filter blocked the video: " + why);
        }
        return new ClipStatus(
                ClipStatus.State.FAILED, null, null, "Omni interaction " + id + " ended " + s + ": " + why);
    }

    /** Downloads a files uri to {@code out} atomically (404: past retention). */
    void download(String uri, Path out) throws GoogleException {
        files.download(uri, out);
    }

    private static VideoContent video(Interaction it) {
        for (Step step : it.steps().orElse(List.of())) {
            if (step instanceof ModelOutputStep out) {
                for (Content c : out.content().orElse(List.of())) if (c instanceof VideoContent v) return v;
            }
        }
        return it.outputVideo().orElse(null);
    }

    private static ImageContent image(byte[] bytes) {
        return ImageContent.builder()
                .data(Base64.getEncoder().encodeToString(bytes))
                .mimeType(ImageContentMimeType.of(ImageMime.of(bytes)))
                .build();
    }

    /**
     * The Interactions classes throw their own exceptions: errors whose message is "API error occurred" (Google's
     * message is in the body) and network failures as UncheckedIOException. Turn them into what {@link ApiCalls}
     * classifies, with Google's words.
     */
    private static <T> Supplier<T> sdk(Supplier<T> call) {
        return () -> {
            try {
                return call.get();
            } catch (GaosBaseException e) {
                throw readable(e.code(), e.bodyAsString().orElse(null), e);
            } catch (GaosServerException e) {
                throw readable(e.code(), e.bodyAsString().orElse(null), e);
            } catch (GaosClientException e) {
                throw readable(e.code(), e.bodyAsString().orElse(null), e);
            } catch (UncheckedIOException e) {
                throw new GenAiIOException("network error: " + e.getCause().getMessage(), e.getCause());
            } catch (RuntimeException e) {
                if (e.getCause() instanceof IOException io)
                    throw new GenAiIOException("network error: " + io.getMessage(), io);
                throw e;
            }
        };
    }

    private static ApiException readable(int code, String body, Exception cause) {
        String status = "", message = body == null ? cause.getMessage() : body;
        try {
            JsonNode err = body == null ? null : JSON.readTree(body).path("error");
            if (err != null && err.has("message")) {
                message = err.get("message").asText();
                status = err.path("status").asText("");
            }
        } catch (IOException ignored) {
            // not JSON: keep the body as the message
        }
        return new ApiException(code, status, message, cause);
    }
}

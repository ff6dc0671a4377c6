package io.reelsmith.video.veo;

import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.types.GenerateVideosConfig;
import com.google.genai.types.GenerateVideosOperation;
import com.google.genai.types.GenerateVideosResponse;
import com.google.genai.types.GenerateVideosSource;
import com.google.genai.types.GeneratedVideo;
import com.google.genai.types.Image;
import com.google.genai.types.Video;
import com.google.genai.types.VideoGenerationReferenceImage;
import com.google.genai.types.VideoGenerationReferenceType;
import io.reelsmith.google.ApiCalls;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.GoogleException;
import io.reelsmith.google.ImageMime;
import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.video.longrun.ClipStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Veo through the SDK: submit a checked {@link VeoRequest}, poll an operation by name, download a video. */
public record VeoClient(Client client, ApiCalls calls, boolean vertex) {

    public VeoClient(Client client, GoogleConfig config) {
        this(client, new ApiCalls(config), config.vertex());
    }

    /**
     * Sends the request and returns the operation name. Retried only on 429/5xx or a connection never made, where
     * Google started nothing, so nothing can be paid twice (see {@link ApiCalls#submit}).
     */
    public String submit(VeoRequest request) throws GoogleException {
        VeoRules.check(request, vertex, calls.config().catalogue());
        GenerateVideosSource.Builder source = GenerateVideosSource.builder().prompt(request.prompt());
        if (request.image() != null) source.image(image(request.image()));
        if (request.sourceVideoUri() != null)
            source.video(Video.builder().uri(request.sourceVideoUri()).build());
        else if (request.sourceVideoBytes() != null)
            source.video(Video.builder()
                    .videoBytes(request.sourceVideoBytes())
                    .mimeType("video/mp4")
                    .build());
        GenerateVideosSource src = source.build();
        GenerateVideosConfig cfg = config(request, vertex);
        GenerateVideosOperation op;
        try {
            op = calls.submit(
                    "Veo " + request.kind() + " request",
                    () -> client.models.generateVideos(request.model(), src, cfg));
        } catch (GoogleException e) {
            if (e.getCause() instanceof ApiException api
                    && api.message() != null
                    && api.message().toLowerCase(Locale.ROOT).contains("expired")) {
                throw new SourceVideoExpiredException(
                        "the video to extend has expired on Google's side (Veo keeps videos 2 days): " + api.message());
            }
            throw e;
        }
        return op.name()
                .orElseThrow(() -> new GoogleException(
                        "Veo accepted the " + request.kind() + " request but returned no operation name"));
    }

    /**
     * The request's SDK config. On Vertex AI it asks for audio: Google's Veo API reference there lists
     * {@code generateAudio} as "Required for Veo 3 models" and Google's Vertex notebooks set it to get a soundtrack;
     * the Gemini API's SDK path refuses the field (audio is always on there).
     */
    static GenerateVideosConfig config(VeoRequest request, boolean vertex) {
        GenerateVideosConfig.Builder config = GenerateVideosConfig.builder()
                .numberOfVideos(1)
                .durationSeconds(request.durationSeconds())
                .aspectRatio(request.aspectRatio()) // an extension must repeat it: the default 16:9 would not match
                .resolution(request.resolution());
        if (vertex) config.generateAudio(true); // our clips carry the dialogue
        if (request.lastFrame() != null) config.lastFrame(image(request.lastFrame()));
        if (!request.referenceImages().isEmpty()) {
            config.referenceImages(request.referenceImages().stream()
                    .map(b -> VideoGenerationReferenceImage.builder()
                            .image(image(b))
                            .referenceType(VideoGenerationReferenceType.Known.ASSET)
                            .build())
                    .toList());
        }
        return config.build();
    }

    /** One poll (retried on transient errors); never submits anything. */
    public ClipStatus poll(String operationName, long deadlineNanos) throws GoogleException {
        GenerateVideosOperation op = calls.call(
                "polling " + operationName,
                () -> client.operations.getVideosOperation(
                        GenerateVideosOperation.builder().name(operationName).build(), null),
                deadlineNanos);
        if (!op.done().orElse(false)) return new ClipStatus(ClipStatus.State.RUNNING, null, null);
        if (op.error().isPresent()) {
            Map<String, Object> err = op.error().get();
            return new ClipStatus(
                    ClipStatus.State.FAILED, null, "Veo reported an error: " + err.getOrDefault("message", err));
        }
        GenerateVideosResponse response = op.response().orElse(null);
        List<GeneratedVideo> videos =
                response == null ? List.of() : response.generatedVideos().orElse(List.of());
        String uri = videos.isEmpty()
                ? null
                : videos.get(0).video().flatMap(Video::uri).orElse(null);
        if (uri != null) return new ClipStatus(ClipStatus.State.SUCCEEDED, uri, null);
        byte[] inline = videos.isEmpty()
                ? null
                : videos.get(0).video().flatMap(Video::videoBytes).orElse(null);
        if (inline != null && inline.length > 0) return new ClipStatus(ClipStatus.State.SUCCEEDED, null, inline, null);
        int filtered = response == null ? 0 : response.raiMediaFilteredCount().orElse(0);
        if (filtered > 0) {
            List<String> reasons = response.raiMediaFilteredReasons().orElse(List.of());
            return new ClipStatus(
                    ClipStatus.State.FILTERED,
                    null,
                    "Veo's safety filter blocked the video"
                            + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons)));
        }
        return new ClipStatus(
                ClipStatus.State.FAILED, null, "Veo finished without a video and without saying why (empty response)");
    }

    /** Downloads a generated video to {@code out} (atomically); 404 means it is past retention. */
    public void download(String videoUri, Path out) throws GoogleException {
        Path tmp = out.resolveSibling("." + out.getFileName() + ".download");
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            calls.call("downloading " + videoUri, () -> {
                client.files.download(Video.builder().uri(videoUri).build(), tmp.toString(), null);
                return null;
            });
            AtomicFiles.moveAtomically(tmp, out);
        } catch (GoogleException e) {
            if (e.getCause() instanceof ApiException api && api.code() == 404) {
                throw new SourceVideoExpiredException(
                        "the generated video " + videoUri + " is no longer on Google's servers (kept 2 days)");
            }
            throw e;
        } catch (IOException e) {
            throw new GoogleException("cannot save the downloaded video to " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: a stray temp file is harmless
            }
        }
    }

    private static Image image(byte[] bytes) {
        return Image.builder().imageBytes(bytes).mimeType(ImageMime.of(bytes)).build();
    }
}

package io.reelsmith.video.veo;

import java.util.List;

/**
 * One Veo generation as we intend to send it. {@code image}/{@code lastFrame}/{@code referenceImages} are PNG
 * bytes; {@code sourceVideoUri} (with its length {@code sourceSeconds}) makes it an extension, or, on Vertex AI
 * where videos come back inline, {@code sourceVideoBytes}.
 */
public record VeoRequest(
        String model,
        String prompt,
        byte[] image,
        byte[] lastFrame,
        List<byte[]> referenceImages,
        String sourceVideoUri,
        byte[] sourceVideoBytes,
        double sourceSeconds,
        int durationSeconds,
        String aspectRatio,
        String resolution) {
    public VeoRequest {
        referenceImages = referenceImages == null ? List.of() : List.copyOf(referenceImages);
    }

    public static VeoRequest withReferences(String model, String prompt, List<byte[]> references) {
        return new VeoRequest(model, prompt, null, null, references, null, null, 0, 8, "9:16", "720p");
    }

    /** The Gemini API: extend a video by its uri. */
    public static VeoRequest extension(String model, String prompt, String sourceUri, double sourceSeconds) {
        return extension(model, prompt, sourceUri, sourceSeconds, false);
    }

    /** Extend a video by its uri, asked as long as the surface wants ({@link VeoRules#extensionRequestSeconds}). */
    public static VeoRequest extension(
            String model, String prompt, String sourceUri, double sourceSeconds, boolean vertex) {
        return extension(model, prompt, sourceUri, null, sourceSeconds, vertex);
    }

    /** Vertex AI: extend a video we hold as bytes (Vertex returned it inline). */
    public static VeoRequest extension(String model, String prompt, byte[] sourceVideo, double sourceSeconds) {
        return extension(model, prompt, null, sourceVideo, sourceSeconds, true);
    }

    /** An extension of its source (a uri or bytes) at 720p, 9:16: the only way Veo extends. */
    private static VeoRequest extension(
            String model, String prompt, String sourceUri, byte[] sourceVideo, double sourceSeconds, boolean vertex) {
        return new VeoRequest(
                model,
                prompt,
                null,
                null,
                List.of(),
                sourceUri,
                sourceVideo,
                sourceSeconds,
                VeoRules.extensionRequestSeconds(vertex),
                "9:16",
                "720p");
    }

    /** Image-to-video: a new segment that starts on {@code firstFrame} (the previous segment's last frame). */
    public static VeoRequest fromFirstFrame(String model, String prompt, byte[] firstFrame) {
        return new VeoRequest(model, prompt, firstFrame, null, List.of(), null, null, 0, 8, "9:16", "720p");
    }

    public static VeoRequest interpolation(String model, String prompt, byte[] firstFrame, byte[] lastFrame) {
        return interpolation(model, prompt, firstFrame, lastFrame, 8);
    }

    /** A clip of {@code seconds} from {@code firstFrame} to {@code lastFrame} (lengths per surface: {@link VeoRules}). */
    public static VeoRequest interpolation(
            String model, String prompt, byte[] firstFrame, byte[] lastFrame, int seconds) {
        return new VeoRequest(model, prompt, firstFrame, lastFrame, List.of(), null, null, 0, seconds, "9:16", "720p");
    }

    public boolean isExtension() {
        return sourceVideoUri != null || sourceVideoBytes != null;
    }

    /** Seconds Google bills for it: the 7 new seconds of an extension, else the clip's duration. */
    public double billedSeconds() {
        return isExtension() ? VeoRules.EXTENSION_SECONDS : durationSeconds;
    }

    /** Log/emulator name of the call. */
    public String kind() {
        return isExtension() ? "extend" : lastFrame != null ? "interpolate" : image != null ? "continue" : "generate";
    }
}

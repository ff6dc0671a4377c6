package io.reelsmith.google;

/**
 * Which Google service films the take, decided by the video model's kind in {@link GoogleModels}: {@code VEO}
 * (Vertex AI, predictLongRunning, clips extended then continued in segments) or {@code OMNI} (Gemini API,
 * Interactions API). The default follows the surface: an API key gets omni, Vertex AI gets veo.
 */
public enum VideoBackend {
    VEO(GoogleModels.Kind.VEO, Surface.VERTEX), OMNI(GoogleModels.Kind.OMNI, Surface.GEMINI_API);

    public final GoogleModels.Kind kind;
    /** The one surface that serves it (Dec 2026: no Veo on an API key, Omni only on the Gemini API). */
    public final Surface surface;

    VideoBackend(GoogleModels.Kind kind, Surface surface) {
        this.kind = kind;
        this.surface = surface;
    }

    public static VideoBackend of(GoogleModels.Kind kind) {
        for (VideoBackend b : values()) if (b.kind == kind) return b;
        throw new IllegalArgumentException(kind + " is not a video model kind");
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

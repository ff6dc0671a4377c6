package io.reelsmith.google;

import java.util.Locale;

/**
 * Which Google service films the take, decided by the video model's kind in {@link GoogleModels}: {@code VEO}
 * (Vertex AI, predictLongRunning) or {@code OMNI} (the Interactions API: gemini-omni-1.1-flash on the Gemini API,
 * gemini-omni-1.2-flash on Vertex AI). The default follows the surface: an API key gets omni, Vertex AI gets veo;
 * which models a surface serves is the catalogue's to say.
 */
public enum VideoBackend {
    VEO(GoogleModels.Kind.VEO),
    OMNI(GoogleModels.Kind.OMNI);

    public final GoogleModels.Kind kind;

    VideoBackend(GoogleModels.Kind kind) {
        this.kind = kind;
    }

    public static VideoBackend of(GoogleModels.Kind kind) {
        for (VideoBackend b : values()) if (b.kind == kind) return b;
        throw new IllegalArgumentException(kind + " is not a video model kind");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

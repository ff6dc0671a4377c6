package io.reelsmith.google;

import java.util.Locale;

/** Where Google serves a model: the Gemini Developer API (an API key) or Vertex AI / Agent Platform (a project). */
public enum Surface {
    GEMINI_API("gemini-api"),
    VERTEX("vertex");

    public final String id;

    Surface(String id) {
        this.id = id;
    }

    public static Surface of(String id) {
        for (Surface s : values()) if (s.id.equals(id.toLowerCase(Locale.ROOT))) return s;
        throw new IllegalArgumentException("unknown surface '" + id + "' (gemini-api or vertex)");
    }

    /** How a user would name it in a message. */
    public String label() {
        return this == VERTEX ? "Vertex AI" : "the Gemini API (API key)";
    }
}

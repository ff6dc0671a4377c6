package io.reelsmith.google;

import io.reelsmith.kernel.EnumCodes;
import java.util.Locale;

/** Where Google serves a model: the Gemini Developer API (an API key) or Vertex AI / Agent Platform (a project). */
public enum Surface {
    GEMINI_API,
    VERTEX;

    /** Its name in the model catalogue and the settings: "gemini-api", "vertex". */
    public final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

    public static Surface of(String id) {
        return EnumCodes.parse(Surface.class, "surface", id, s -> s.id);
    }

    /** How a user would name it in a message. */
    public String label() {
        return this == VERTEX ? "Vertex AI" : "the Gemini API (API key)";
    }
}

package io.reelsmith.video;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Port: draws one keyframe of a parallel take, a still 9:16 frame (PNG bytes) of the cast in a block's scene. Adapter:
 * the Gemini image model ({@code character.gemini.GeminiImages#keyframe}), wired by the google provider. The rules of
 * which keyframe follows which, and the crash-safe journaling around each call, are {@link Storyboard}'s.
 */
public interface KeyframeArtist {
    /**
     * {@code cast}: the reference images, lead first; {@code previous}: the keyframe whose set, light and clothes carry
     * over (null for the first); {@code scene}: what the frame shows. A paid adapter records the call under {@code step}.
     */
    byte[] draw(String step, List<Path> cast, Path previous, String scene) throws IOException;

    /**
     * An earlier run stopped inside the call of {@code step}'s attempt {@code attempt} (no answer reached us): Google
     * may have billed it, so a paid adapter records it as uncertain spend before it is drawn again.
     */
    default void uncertain(String step, int attempt) {}

    /** The service answered with an error (a refusal, a safety block): nothing was drawn, nothing billed. */
    class Refused extends IOException {
        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

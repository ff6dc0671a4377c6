package io.reelsmith.video.veo;

import io.reelsmith.google.GoogleException;

/**
 * The video to extend (or download) is past Google's 2-day retention. Nothing is regenerated automatically:
 * the user chooses to regenerate from the named block.
 */
public class SourceVideoExpiredException extends GoogleException {
    public SourceVideoExpiredException(String message) {
        super(message);
    }
}

package io.reelsmith.video.veo;

/** A Veo request that breaks one of Veo 3.1's rules; thrown before anything is sent (or paid). */
public class VeoRuleException extends IllegalArgumentException {
    public VeoRuleException(String message) {
        super(message);
    }
}

package io.reelsmith.speech;

/**
 * An espeak-ng voice: a language voice name ("en-us", "fr-fr") plus a variant ("m3", "f2"),
 * speaking rate in words per minute and base pitch 0-100.
 */
public record Voice(String language, String variant, int rate, int pitch) {
    public String espeakName() {
        return variant == null || variant.isBlank() ? language : language + "+" + variant;
    }

    /** Distinct, stable voices for the speakers of a script: speaker 0 is the lead character. */
    public static Voice forSpeaker(String lang, int speakerIndex) {
        String language = "fr".equals(lang) ? "fr" : "en-us";
        String[] variants = {"m3", "f2", "m1", "f4", "m7", "f5"};
        int[] pitches = {48, 62, 38, 70, 55, 44};
        int i = Math.floorMod(speakerIndex, variants.length);
        return new Voice(language, variants[i], 165, pitches[i]);
    }
}

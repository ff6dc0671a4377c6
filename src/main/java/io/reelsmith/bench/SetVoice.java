package io.reelsmith.bench;

import java.util.List;
import java.util.Locale;

/**
 * A TTS voice of the wider subtitle set: an engine Debian ships ({@code espeak-ng}, {@code festival},
 * {@code flite}), its voice name and speed (espeak-ng: words a minute; festival and flite: 1.0 is the voice's own
 * pace, 1.2 is 20 % faster). Each group of the set has voices of every engine; where an engine has several voices
 * the groups use different ones (espeak-ng variants; festival and flite voices at other speeds).
 */
record SetVoice(String engine, String name, String language, double speed, int pitch) {
    static final String ESPEAK = "espeak-ng", FESTIVAL = "festival", FLITE = "flite";

    static SetVoice espeak(String name, int wpm, int pitch) {
        return new SetVoice(ESPEAK, name, name.startsWith("fr") ? "fr" : "en", wpm, pitch);
    }

    static SetVoice festival(String name, double speed) {
        return new SetVoice(FESTIVAL, name, "en", speed, 0);
    }

    static SetVoice flite(String name, double speed) {
        return new SetVoice(FLITE, name, "en", speed, 0);
    }

    String label() {
        return engine.equals(ESPEAK)
                ? String.format(Locale.ROOT, "espeak %s %.0fwpm", name, speed)
                : String.format(Locale.ROOT, "%s %s x%.2f", engine, name, speed);
    }

    /**
     * 24 voices a group, in clip order: 9 English and 5 French espeak-ng voices, 5 festival, 5 flite. No espeak-ng
     * voice comes back in another group; festival's 3 and flite's 5 voices do, at other speeds. Group C puts the
     * engines at other clip positions than A and B, so they meet other beds and deviations.
     */
    static final List<SetVoice> A = List.of(
            espeak("en-us+m3", 150, 45),
            festival("kal_diphone", 1.0),
            espeak("fr+m3", 150, 45),
            flite("kal16", 1.0),
            espeak("en-us+f2", 185, 60),
            espeak("en-us+klatt", 165, 50),
            festival("cmu_us_slt_arctic_hts", 1.0),
            espeak("fr+f2", 180, 62),
            flite("awb", 1.1),
            espeak("en+m1", 210, 40),
            festival("ked_diphone", 1.15),
            espeak("en-us+f4", 135, 68),
            espeak("fr-be+m1", 200, 40),
            flite("slt", 1.0),
            espeak("en-us+Andy", 175, 50),
            festival("kal_diphone", 0.85),
            espeak("en-us+Annie", 195, 55),
            flite("rms", 1.2),
            espeak("fr+klatt", 165, 50),
            espeak("en-029+m7", 160, 45),
            festival("cmu_us_slt_arctic_hts", 1.2),
            flite("kal", 1.0),
            espeak("en-us+f5", 220, 60),
            espeak("fr-ch+f4", 140, 66));

    static final List<SetVoice> B = List.of(
            espeak("en-us+m2", 160, 42),
            festival("ked_diphone", 1.0),
            espeak("fr+m2", 155, 42),
            flite("rms", 1.0),
            espeak("en-us+f3", 190, 64),
            espeak("en-us+klatt2", 170, 48),
            festival("cmu_us_slt_arctic_hts", 0.9),
            espeak("fr+f3", 185, 60),
            flite("slt", 0.9),
            espeak("en+m5", 205, 38),
            festival("kal_diphone", 1.2),
            espeak("en-us+f1", 140, 70),
            espeak("fr-ch+m5", 195, 44),
            flite("awb", 1.0),
            espeak("en-us+Michael", 180, 46),
            festival("ked_diphone", 0.85),
            espeak("en-us+Steph", 200, 58),
            flite("kal16", 1.25),
            espeak("fr-be+klatt3", 170, 52),
            espeak("en-gb-x-rp+m6", 155, 44),
            festival("cmu_us_slt_arctic_hts", 1.15),
            flite("kal", 0.9),
            espeak("en-us+Alex", 215, 50),
            espeak("fr+f1", 145, 66));
    static final List<SetVoice> C = List.of(
            flite("awb", 0.9),
            espeak("en-us+david", 170, 44),
            espeak("fr+michel", 160, 40),
            festival("kal_diphone", 1.1),
            espeak("en-gb-scotland+m4", 150, 46),
            flite("rms", 1.1),
            espeak("en-us+linda", 195, 62),
            festival("ked_diphone", 0.95),
            espeak("fr-be+gustave", 190, 42),
            espeak("en-gb-x-gbclan+klatt4", 180, 50),
            flite("slt", 1.15),
            espeak("fr-ch+Denis", 135, 46),
            festival("cmu_us_slt_arctic_hts", 1.05),
            espeak("en-us+edward", 210, 40),
            espeak("en+belinda", 140, 66),
            flite("kal16", 0.9),
            espeak("fr+Hugo", 175, 48),
            festival("kal_diphone", 0.95),
            espeak("en-gb-x-gbcwmd+m8", 165, 42),
            flite("kal", 1.15),
            espeak("en-us+quincy", 220, 52),
            festival("ked_diphone", 1.1),
            espeak("fr-be+aunty", 150, 64),
            espeak("en-029+anika", 185, 58));

    /** Groups A (clips 00–23), B (24–47) and C (48–71). */
    static final List<List<SetVoice>> GROUPS = List.of(A, B, C);
}

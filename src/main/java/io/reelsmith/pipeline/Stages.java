package io.reelsmith.pipeline;

import io.reelsmith.character.CharacterImages;
import io.reelsmith.render.Renderer;
import io.reelsmith.script.ScriptWriter;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.WordTimer;
import io.reelsmith.video.DriftGuard;
import io.reelsmith.video.VideoMaker;

/**
 * The adapters one run uses, one per stage. {@code wordTimer} is used only when the take does not come with
 * exact word times (Veo); the animatic brings its TTS times. {@code drift} checks each block against the
 * character and re-makes a drifted one once.
 */
public record Stages(String provider, CharacterImages characters, ScriptWriter scripts, VideoMaker video,
                     WordTimer wordTimer, CaptionStyle captionStyle, Renderer renderer, DriftGuard drift) {
    /** Without a drift check (test stand-ins): each block is made once and gets its poster. */
    public Stages(String provider, CharacterImages characters, ScriptWriter scripts, VideoMaker video,
                  WordTimer wordTimer, CaptionStyle captionStyle, Renderer renderer) {
        this(provider, characters, scripts, video, wordTimer, captionStyle, renderer, DriftGuard.POSTER_ONLY);
    }
}

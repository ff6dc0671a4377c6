package io.reelsmith.pipeline;

import io.reelsmith.character.CharacterImages;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.script.ScriptWriter;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.WordTimer;
import io.reelsmith.video.VideoMaker;

/**
 * The adapters one run uses, one per stage. {@code wordTimer} is used only when the take does not come with
 * exact word times (Veo); the animatic brings its TTS times.
 */
public record Stages(String provider, CharacterImages characters, ScriptWriter scripts, VideoMaker video,
                     WordTimer wordTimer, CaptionStyle captionStyle, FinalRenderer renderer) { }

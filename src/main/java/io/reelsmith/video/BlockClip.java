package io.reelsmith.video;

import io.reelsmith.kernel.Word;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A finished block. {@code file} is the block's own clip: its seconds only (an extension's answer, the whole video
 * so far, is kept beside it and named in {@code facts}). {@code words} are exact word times relative to the start of
 * this block when the provider knows them (TTS), else empty. {@code facts} are provider facts later blocks need
 * (e.g. the Veo video uri, the answer and its length).
 */
public record BlockClip(int index, Path file, double seconds, List<Word> words, Map<String, String> facts) {
    public BlockClip {
        words = words == null ? List.of() : List.copyOf(words);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}

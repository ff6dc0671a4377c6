package io.reelsmith.bench;

import io.reelsmith.kernel.Word;
import java.nio.file.Path;
import java.util.List;

/**
 * A benchmark clip: an MP4 whose speech says the words of {@code truth} (with each word's true start, from the
 * TTS events); {@code script} is the text the timer is given, which differs from the speech in the off-script set.
 */
record BenchClip(String label, Path video, String script, List<Word> truth, double seconds, String language) {
    /** The length of a set of clips, in seconds of audio. */
    static double seconds(List<BenchClip> clips) {
        return clips.stream().mapToDouble(BenchClip::seconds).sum();
    }
}

package io.reelsmith.cli;

import io.reelsmith.subtitle.CaptionStyle;
import java.util.Iterator;
import picocli.CommandLine.Option;

/** The caption preset by name: the one {@code --style} of {@code make} and {@code subtitles}. */
final class CaptionPreset {
    @Option(
            names = "--style",
            description = "Caption preset: ${COMPLETION-CANDIDATES} (default shorts).",
            completionCandidates = Presets.class)
    String style = "shorts";

    static final class Presets implements Iterable<String> {
        public Iterator<String> iterator() {
            return CaptionStyle.PRESETS.iterator();
        }
    }

    CaptionStyle named() {
        return CaptionStyle.named(style);
    }
}

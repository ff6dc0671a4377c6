package io.reelsmith.pipeline;

import java.nio.file.Path;

/** Where one video job's files live, under fixed names, so every step finds what the one before made. */
public record Workspace(Path dir) {
    public Path character() { return dir.resolve("character.png"); }
    public Path script() { return dir.resolve("script.json"); }
    public Path blocks() { return work().resolve("blocks"); }
    public Path blockWords(int index) { return blocks().resolve(String.format("block-%02d.words.json", index + 1)); }
    public Path words() { return dir.resolve("words.json"); }
    public Path ass() { return dir.resolve("subtitles.ass"); }
    public Path srt() { return dir.resolve("subtitles.srt"); }
    public Path vtt() { return dir.resolve("subtitles.vtt"); }
    public Path finalVideo() { return dir.resolve("final.mp4"); }
    /** The thumbnail the render stage writes beside final.mp4. */
    public Path cover() { return io.reelsmith.render.FinalRenderer.coverOf(finalVideo()); }
    public Path manifest() { return dir.resolve("manifest.json"); }
    public Path journal() { return dir.resolve(".reelsmith/journal.json"); }
    /** Intermediate files (clips, the take) that are not deliverables. */
    public Path work() { return dir.resolve(".reelsmith"); }
}

package io.reelsmith.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    public Path cover() { return dir.resolve("cover.jpg"); }
    public Path manifest() { return dir.resolve("manifest.json"); }
    public Path journal() { return dir.resolve(".reelsmith/journal.json"); }
    /** Intermediate files (clips, the take) that are not deliverables. */
    public Path work() { return dir.resolve(".reelsmith"); }

    /**
     * The files a finished step made that a later step or a download needs, given the outputs it recorded
     * (a block's clip, the take), as workspace-relative names: what the service keeps in the blob store.
     */
    public static List<String> durableNames(String step, Map<String, String> outputs) {
        Workspace ws = new Workspace(Path.of("workspace"));
        List<Path> files = new ArrayList<>();
        for (String k : List.of("file", "take")) if (outputs.containsKey(k)) files.add(ws.dir().resolve(outputs.get(k)));
        switch (step) {
            case Pipeline.SUBTITLES -> files.addAll(List.of(ws.words(), ws.ass(), ws.srt(), ws.vtt()));
            case Pipeline.RENDER -> files.addAll(List.of(ws.finalVideo(), ws.cover(), ws.manifest()));
            default -> {
                if (step.startsWith("block-")) files.add(ws.blockWords(Integer.parseInt(step.substring(6)) - 1));
            }
        }
        return files.stream().map(ws::relative).filter(n -> !n.startsWith("..")).distinct().toList();
    }

    /** {@link #durableNames} of this workspace that exist on its disk. */
    public List<Path> durableOutputs(String step, Map<String, String> outputs) {
        return durableNames(step, outputs).stream().map(dir::resolve).filter(Files::isRegularFile).toList();
    }

    /** A file's name relative to the workspace, with '/' (the tail of its blob key). */
    public String relative(Path file) {
        return dir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}

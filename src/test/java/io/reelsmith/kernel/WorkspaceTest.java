package io.reelsmith.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which file of a video's folder each step leaves behind (what the service keeps in the blob store). */
class WorkspaceTest {
    private static final List<String> NAMES = List.of(
            "character.png",
            "character-2.png",
            "character-9.png",
            "script.json",
            "words.json",
            "subtitles.ass",
            "subtitles.srt",
            "subtitles.vtt",
            "final.mp4",
            "cover.jpg",
            "manifest.json",
            ".reelsmith/take.mp4",
            ".reelsmith/take.wav",
            ".reelsmith/journal.json",
            ".reelsmith/blocks/block-02.mp4",
            ".reelsmith/blocks/block-03.mp4",
            ".reelsmith/blocks/sprites.png",
            ".reelsmith/retakes/block-02.mp4",
            ".reelsmith/keyframes/keyframe-01.png",
            "notes.txt");

    private static List<String> outputsOf(Step step, Map<String, String> outputs) {
        return NAMES.stream()
                .filter(n -> Workspace.isOutputOf(step, outputs, n))
                .toList();
    }

    @Test
    void eachStepOwnsItsFilesByName() {
        assertThat(outputsOf(Step.CHARACTER, Map.of()))
                .containsExactly("character.png", "character-2.png", "character-9.png");
        assertThat(outputsOf(Step.SCRIPT, Map.of())).containsExactly("script.json");
        assertThat(outputsOf(Step.SUBTITLES, Map.of()))
                .containsExactly(
                        "words.json",
                        "subtitles.ass",
                        "subtitles.srt",
                        "subtitles.vtt",
                        ".reelsmith/take.mp4",
                        ".reelsmith/take.wav");
        assertThat(outputsOf(Step.RENDER, Map.of())).containsExactly("final.mp4", "cover.jpg", "manifest.json");
        assertThat(outputsOf(Step.block(1), Map.of()))
                .containsExactly(
                        ".reelsmith/blocks/block-02.mp4",
                        ".reelsmith/blocks/sprites.png",
                        ".reelsmith/retakes/block-02.mp4");
        assertThat(outputsOf(Step.block(1).retake(), Map.of())).isEmpty();
        assertThat(outputsOf(Step.keyframe(0), Map.of())).isEmpty();
    }

    @Test
    void theRecordedFileAndTakeCountWhateverTheStep() {
        Map<String, String> outputs =
                Map.of("file", ".reelsmith/keyframes/./keyframe-01.png", "take", ".reelsmith/journal.json");
        assertThat(outputsOf(Step.keyframe(0), outputs))
                .containsExactly(".reelsmith/journal.json", ".reelsmith/keyframes/keyframe-01.png");
    }

    @Test
    void aNamedFileLiesInTheVideosFolderUnderItsName() {
        Workspace ws = new Workspace(Path.of("videos", "v1"));
        assertThat(ws.file(WorkspaceFile.FINAL_VIDEO)).isEqualTo(Path.of("videos", "v1", "final.mp4"));
        assertThat(ws.character()).isEqualTo(Path.of("videos", "v1", "character.png"));
        assertThat(ws.relative(ws.file(WorkspaceFile.WORDS))).isEqualTo("words.json");
    }
}

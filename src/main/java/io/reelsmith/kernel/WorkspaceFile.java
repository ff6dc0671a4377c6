package io.reelsmith.kernel;

/**
 * The files of a video's folder that have one fixed name, each with the step that makes it: the folder's layout, which
 * existing videos, the blob store and the docs rely on. {@link Workspace#file} finds one on disk.
 */
public enum WorkspaceFile {
    SCRIPT("script.json", Step.SCRIPT),
    WORDS("words.json", Step.SUBTITLES),
    ASS("subtitles.ass", Step.SUBTITLES),
    SRT("subtitles.srt", Step.SUBTITLES),
    VTT("subtitles.vtt", Step.SUBTITLES),
    FINAL_VIDEO("final.mp4", Step.RENDER),
    COVER("cover.jpg", Step.RENDER),
    MANIFEST("manifest.json", Step.RENDER);

    /** The file's name in the video's folder. */
    public final String fileName;

    private final Step madeBy;

    WorkspaceFile(String fileName, Step madeBy) {
        this.fileName = fileName;
        this.madeBy = madeBy;
    }

    /** Whether {@code name} (relative to the workspace) is one of these files and {@code step} makes it. */
    static boolean madeBy(Step step, String name) {
        for (WorkspaceFile f : values()) if (f.madeBy == step && f.fileName.equals(name)) return true;
        return false;
    }
}

package io.reelsmith.testkit;

import java.util.List;

/** The files of a made video that the API serves (a job's folder also holds character.png and manifest.json). */
public final class VideoFiles {
    private VideoFiles() {}

    public static final List<String> SERVED = List.of(
            "final.mp4", "cover.jpg", "subtitles.ass", "subtitles.srt", "subtitles.vtt", "words.json", "script.json");
}

package io.reelsmith.subtitle.bench;

import io.reelsmith.subtitle.Word;

import java.nio.file.Path;
import java.util.List;

/** A benchmark clip: an MP4 whose speech says {@code script}, with each word's true start (TTS events). */
record BenchClip(String label, Path video, String script, List<Word> truth, double seconds) { }

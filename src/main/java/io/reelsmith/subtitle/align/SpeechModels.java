package io.reelsmith.subtitle.align;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the word timers find their models: the part of the configuration tree they are handed (settings
 * {@code reelsmith.sphinx.model}, {@code reelsmith.whisper.model}, {@code reelsmith.models.dir},
 * {@code reelsmith.align.keep.work}).
 *
 * @param whisperModel a Whisper model file; null: {@code ggml-base.bin} in {@code modelsDir} once downloaded, else none
 * @param modelsDir    where {@code reelsmith models download} puts models; null: none is looked for
 * @param keepWork     keep each alignment's scratch directory, to debug a bad alignment
 */
public record SpeechModels(Path sphinxModel, Path whisperModel, Path modelsDir, boolean keepWork) {
    /** Debian's pocketsphinx model, no Whisper: what a test or a bench without configuration gets. */
    public static final SpeechModels DEFAULTS = new SpeechModels(Pocketsphinx.DEFAULT_MODEL, null, null, false);

    /** The Whisper model to use, if any. */
    public Optional<Path> whisper() {
        if (whisperModel != null) return Optional.of(whisperModel);
        Path downloaded = modelsDir == null ? null : modelsDir.resolve("ggml-base.bin");
        return downloaded != null && Files.isRegularFile(downloaded) ? Optional.of(downloaded) : Optional.empty();
    }
}

package io.reelsmith.bench;

import io.reelsmith.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code bench subtitles}' choice of one half of the wider set ({@link SpeechSet}) and where the set is kept. */
final class WiderSet {
    @Option(
            names = "--heldout",
            description =
                    "The wider set's held-out half (clips 96-119): the figures to report, run once with the final code (docs/benchmarks.md).")
    boolean heldout;

    @Option(names = "--tune", description = "The wider set's tuning half (clips 0-95): the only clips to tune on.")
    boolean tune;

    @Option(
            names = "--set-dir",
            description =
                    "Where the wider set is made and kept (default ~/.cache/reelsmith/subtitle-set; reelsmith.cache.dir moves it).")
    Path setDir;

    /** Whether a half is chosen (then the bench runs on it alone). */
    boolean chosen() {
        if (heldout && tune)
            throw new IllegalArgumentException("--heldout and --tune are the two halves of one set: choose one");
        return heldout || tune;
    }

    /** The chosen half as the RESULT line names it. */
    String half() {
        return heldout ? "heldout" : "tune";
    }

    Path cache() {
        return setDir != null
                ? setDir
                : ConfigLoader.load(null, Map.of()).cacheDir().resolve("subtitle-set");
    }
}

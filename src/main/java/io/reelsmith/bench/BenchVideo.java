package io.reelsmith.bench;

import picocli.CommandLine.Option;

/** The length of the video a benchmark makes: the one {@code --blocks} of {@code bench animatic} and {@code paid-wall}. */
final class BenchVideo {
    @Option(names = "--blocks", description = "Blocks of the video (default ${DEFAULT-VALUE}: about 60 s).")
    int blocks = 8;
}

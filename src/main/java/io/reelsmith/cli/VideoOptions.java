package io.reelsmith.cli;

import java.io.PrintStream;
import picocli.CommandLine.Option;

/** What {@code make} and {@code demo} share: the video's length and how its progress is reported. */
final class VideoOptions {
    @Option(
            names = "--blocks",
            description = "Blocks of two scenes: 1 = 8 s, each more +7 s (default: ${DEFAULT-VALUE}).")
    int blocks;

    @Option(
            names = "--json-progress",
            description = "Print progress on stdout as one JSON object per line and per event (for scripts).")
    boolean jsonProgress;

    VideoOptions(int defaultBlocks) {
        blocks = defaultBlocks;
    }

    /** Where the plan and the report go: with --json-progress stdout carries JSON lines only. */
    PrintStream messages() {
        return jsonProgress ? System.err : System.out;
    }
}

package io.reelsmith.cli;

import io.reelsmith.video.local.AnimaticBench;
import io.reelsmith.subtitle.bench.SubtitleBench;
import picocli.CommandLine.Command;

/** {@code reelsmith bench …}: the benchmarks, one sub-command each. Add yours to {@code subcommands}. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
        subcommands = {
                AnimaticBench.class,
                SubtitleBench.class,
        })
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}

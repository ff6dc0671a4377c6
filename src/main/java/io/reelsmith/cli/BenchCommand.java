package io.reelsmith.cli;

import io.reelsmith.bench.AnimaticBench;
import io.reelsmith.bench.LoginBench;
import io.reelsmith.bench.PaidWallBench;
import io.reelsmith.bench.SubtitleBench;
import picocli.CommandLine.Command;

/** {@code reelsmith bench NAME}: the benchmarks; each prints its figures and ends with one {@code RESULT k=v …} line. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks; each ends with one line 'RESULT key=value …' (see docs/benchmarks.md).",
        subcommands = {
            AnimaticBench.class,
            SubtitleBench.class,
            BenchRenderCommand.class,
            LoginBench.class,
            PaidWallBench.class,
        })
public final class BenchCommand extends CommandGroup {}

package io.reelsmith.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "orchestration",
        mixinStandardHelpOptions = true,
        description =
                "Many concurrent jobs on a local cluster (PostgreSQL, an API process, worker processes; the Gemini "
                        + "emulator with --provider google); prints RESULT step_overhead_ms=… api_p99_ms=… (targets < 50 each). "
                        + "Needs PostgreSQL installed (apt-get install postgresql).")
public final class BenchOrchestrationCommand implements Callable<Integer> {
    /** Test-classpath entry point (the cluster harness is test code): {@code ./reelsmith bench orchestration} runs this. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchOrchestrationCommand()).execute(args));
    }

    @Option(names = "--jobs", defaultValue = "100", description = "videos started at once (default ${DEFAULT-VALUE})")
    int jobs;

    @Option(
            names = "--workers",
            defaultValue = "2",
            description = "worker processes (the API process runs no jobs) (default ${DEFAULT-VALUE})")
    int workers;

    @Option(
            names = "--threads",
            defaultValue = "15",
            description =
                    "videos made at once per worker process (default ${DEFAULT-VALUE}: below its 20 pooled database connections)")
    int threads;

    @Option(names = "--blocks", defaultValue = "1", description = "blocks per video (default ${DEFAULT-VALUE})")
    int blocks;

    @Option(
            names = "--provider",
            defaultValue = "local",
            description = "provider of the videos (default ${DEFAULT-VALUE})")
    String provider;

    @Option(
            names = "--rate",
            defaultValue = "200",
            description = "status requests per second during the run (default ${DEFAULT-VALUE})")
    double rate;

    @Option(
            names = "--latency-ms",
            defaultValue = "1000",
            description =
                    "how long a Veo operation takes: the emulator's latency, or the stand-in block's wait (default ${DEFAULT-VALUE})")
    long latencyMs;

    @Option(
            names = "--worker-nice",
            defaultValue = "0",
            description =
                    "CPU priority (nice) of the worker JVMs themselves; their FFmpeg runs at 19 (default ${DEFAULT-VALUE})")
    int workerNice;

    @Override
    public Integer call() throws Exception {
        if (jobs < 1 || workers < 0 || threads < 1 || threads > 64 || blocks < 1 || rate <= 0) {
            throw new IllegalArgumentException("--jobs ≥ 1, --workers ≥ 0, --threads 1..64, --blocks ≥ 1, --rate > 0");
        }
        var s = new OrchestrationBenchmark.Settings(
                jobs,
                workers,
                threads,
                blocks,
                provider,
                rate,
                Duration.ofMillis(latencyMs),
                Duration.ofMinutes(20),
                workerNice);
        var r = new OrchestrationBenchmark(System.out).run(s);
        System.out.println(r.resultLine());
        return r.completed() == jobs ? 0 : 1;
    }
}

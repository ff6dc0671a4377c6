package io.reelsmith.api;

import io.reelsmith.pipeline.Stages;
import io.reelsmith.testkit.InterceptedVideo;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Wraps a provider's video stage to count block calls and, on demand, fail the next ones (to test retries). */
final class Instrumented {
    final AtomicInteger blockCalls = new AtomicInteger();
    final AtomicInteger failBlocks = new AtomicInteger();
    private final Function<String, Stages> providers;

    Instrumented(Function<String, Stages> providers) {
        this.providers = providers;
    }

    Function<String, Stages> providers() {
        return name -> InterceptedVideo.around(providers.apply(name), (real, job) -> {
            blockCalls.incrementAndGet();
            if (failBlocks.getAndUpdate(n -> Math.max(0, n - 1)) > 0)
                throw new IOException("simulated provider outage");
            return real.makeBlock(job);
        });
    }
}

package io.reelsmith.bench;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Open-loop load: sends one request every 1/rate seconds whether or not earlier ones have answered (a closed
 * loop would slow down with the server and hide its latency), and records each answer's latency.
 */
public final class StatusPoller implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final List<Double> latenciesMs = Collections.synchronizedList(new ArrayList<>());
    /** Each answered request's send time (s since the first) and latency (ms): where in a run the slow ones were. */
    private final List<double[]> timeline = Collections.synchronizedList(new ArrayList<>());

    private final long start = System.nanoTime();
    private final AtomicInteger sent = new AtomicInteger(),
            failed = new AtomicInteger(),
            answered = new AtomicInteger();

    private final int count;
    private final CountDownLatch allSent = new CountDownLatch(1);

    /** {@code request(i)} makes the i-th request (e.g. round robin over video ids); sends until closed. */
    public StatusPoller(double ratePerSecond, IntFunction<HttpRequest> request) {
        this(ratePerSecond, Integer.MAX_VALUE, request);
    }

    /** Sends {@code count} requests at the rate, then stops: {@link #awaitAllSent} waits for the last one. */
    public StatusPoller(double ratePerSecond, int count, IntFunction<HttpRequest> request) {
        this.count = count;
        long periodNanos = (long) (1e9 / ratePerSecond);
        clock.scheduleAtFixedRate(
                () -> {
                    if (sent.get() >= count) return;
                    int i = sent.getAndIncrement();
                    if (i + 1 == count) allSent.countDown();
                    long t0 = System.nanoTime();
                    http.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding())
                            .whenComplete((r, e) -> {
                                if (e != null || r.statusCode() != 200) failed.incrementAndGet();
                                else {
                                    double ms = (System.nanoTime() - t0) / 1e6;
                                    latenciesMs.add(ms);
                                    timeline.add(new double[] {(t0 - start) / 1e9, ms});
                                }
                                answered.incrementAndGet();
                            });
                },
                0,
                periodNanos,
                TimeUnit.NANOSECONDS);
    }

    public List<Double> latenciesMs() {
        return List.copyOf(latenciesMs);
    }

    /** The p99 latency (ms) of the requests sent in each {@code seconds}-long window of the run, in order (NaN: none). */
    public List<Double> p99By(double seconds) {
        List<List<Double>> windows = new ArrayList<>();
        for (double[] t : List.copyOf(timeline)) {
            int w = (int) (t[0] / seconds);
            while (windows.size() <= w) windows.add(new ArrayList<>());
            windows.get(w).add(t[1]);
        }
        return windows.stream()
                .map(w -> w.isEmpty() ? Double.NaN : Stats.percentile(w, 99))
                .toList();
    }

    public int sent() {
        return sent.get();
    }

    public int failed() {
        return failed.get();
    }

    /** Waits until the {@code count} requests have been sent (not answered: {@link #close} waits for that). */
    public void awaitAllSent() throws InterruptedException {
        if (count == Integer.MAX_VALUE) throw new IllegalStateException("this poller sends until closed");
        allSent.await();
    }

    /** Stops sending, then waits (up to the request timeout) for every request sent to be answered or to fail. */
    @Override
    public void close() throws InterruptedException {
        clock.shutdownNow();
        clock.awaitTermination(5, TimeUnit.SECONDS);
        try {
            await("every status request answered")
                    .atMost(Duration.ofSeconds(35))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> answered.get() >= sent.get());
        } catch (ConditionTimeoutException e) {
            // past the request timeout: what is still out is reported as sent and never answered
        }
    }
}

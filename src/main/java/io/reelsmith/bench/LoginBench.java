package io.reelsmith.bench;

import io.reelsmith.config.ConfigLoader;
import io.reelsmith.config.ReelsmithConfig;
import io.reelsmith.kernel.FileTrees;
import io.reelsmith.service.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench logins}: password guessing against a real server (in this process, on loopback) while a signed-in user
 * keeps using it. Phase 1 measures the user's requests alone; phase 2 keeps {@code --attackers} wrong logins in flight
 * at once, each for another account from another address (X-Forwarded-For through one trusted proxy hop), so no
 * per-account or per-address throttle applies and only the bounded bcrypt work protects the server; phase 3 sends them
 * all at one account from one address (the throttles answer 429 before bcrypt). Ends with one RESULT line.
 */
@Command(
        name = "logins",
        description =
                "Wrong logins in parallel against a local server while a signed-in user's requests are timed (p99).")
public final class LoginBench implements Callable<Integer> {
    @Option(names = "--attackers", description = "wrong logins in flight at once (default 200)")
    int attackers = 200;

    @Option(names = "--seconds", description = "length of each phase (default 10)")
    int seconds = 10;

    private static final String PASSWORD = "the user's own long passphrase";

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("reelsmith-bench-logins");
        ReelsmithConfig config = ConfigLoader.load(
                null,
                Map.of(),
                Map.of(
                        "reelsmith.data.dir",
                        data.toString(),
                        "reelsmith.http.port",
                        "0",
                        "reelsmith.health.port",
                        "-1",
                        "reelsmith.http.forwarded.hops",
                        "1",
                        "reelsmith.auth.address.signups",
                        "100000"));
        try (Service service = Service.start(config, true, false)) {
            String base = "http://127.0.0.1:" + service.port() + "/api/v1";
            HttpClient user =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = body(user.send(
                            json(
                                    base + "/auth/register",
                                    "{\"email\":\"user@example.com\",\"password\":\"" + PASSWORD + "\"}",
                                    "192.0.2.1"),
                            HttpResponse.BodyHandlers.ofString()))
                    .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            System.out.printf(
                    Locale.ROOT,
                    "bench logins: %d wrong logins in flight, %d s a phase, %d cores%n",
                    attackers,
                    seconds,
                    Runtime.getRuntime().availableProcessors());

            List<Long> alone = probe(user, base, token, null);
            Attack spread = new Attack(
                    base, i -> "guess" + i + "@example.com", i -> "198.18." + (i / 250 % 250) + "." + (i % 250 + 1));
            List<Long> spreadTimes = probe(user, base, token, spread);
            Attack one = new Attack(base, i -> "user@example.com", i -> "203.0.113.9");
            List<Long> oneTimes = probe(user, base, token, one);

            double p99Alone = percentile(alone, 99),
                    p99Spread = percentile(spreadTimes, 99),
                    p99One = percentile(oneTimes, 99);
            report("alone", alone, null);
            report("200 accounts × 200 addresses", spreadTimes, spread);
            report("1 account, 1 address", oneTimes, one);
            boolean ok = p99Spread < 300 && p99One < 300;
            System.out.printf(
                    Locale.ROOT,
                    "RESULT attackers=%d seconds=%d p99_alone_ms=%.0f p99_spread_attack_ms=%.0f p99_one_account_attack_ms=%.0f "
                            + "spread_attempts=%d spread_401=%d spread_429=%d one_attempts=%d one_401=%d one_429=%d p99_under_300ms=%s%n",
                    attackers,
                    seconds,
                    p99Alone,
                    p99Spread,
                    p99One,
                    spread.total(),
                    spread.status[401],
                    spread.status[429],
                    one.total(),
                    one.status[401],
                    one.status[429],
                    ok);
            return ok ? 0 : 1;
        } finally {
            FileTrees.deleteTree(data);
        }
    }

    /** Times the user's requests (their characters, then health, in turn) for one phase, with the attack running if given. */
    private List<Long> probe(HttpClient user, String base, String token, Attack attack) throws Exception {
        if (attack != null) attack.start(attackers);
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int i = 0;
        while (System.nanoTime() < end) {
            HttpRequest r = (i++ % 2 == 0
                            ? HttpRequest.newBuilder(URI.create(base + "/characters"))
                                    .header("Authorization", "Bearer " + token)
                            : HttpRequest.newBuilder(URI.create(base + "/health")))
                    .timeout(Duration.ofSeconds(30))
                    .build();
            long t0 = System.nanoTime();
            int status = user.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) throw new IllegalStateException("the user's request answered " + status);
            times.add((System.nanoTime() - t0) / 1_000_000);
            Thread.sleep(20);
        }
        if (attack != null) attack.stop();
        return times;
    }

    private static void report(String phase, List<Long> times, Attack a) {
        System.out.printf(
                Locale.ROOT,
                "  %-30s user requests %4d  p50 %5.0f ms  p99 %5.0f ms  max %5d ms%s%n",
                phase,
                times.size(),
                percentile(times, 50),
                percentile(times, 99),
                times.stream().mapToLong(Long::longValue).max().orElse(0),
                a == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "  | wrong logins %d: 401 %d, 429 %d, other %d",
                                a.total(),
                                a.status[401],
                                a.status[429],
                                a.total() - a.status[401] - a.status[429]));
    }

    static double percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static HttpRequest json(String url, String body, String address) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String body(HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    /** {@code n} threads, each sending one wrong login after another until stopped; answers counted by status. */
    private static final class Attack {
        private final String base;
        private final IntFunction<String> email, address;
        private final AtomicBoolean running = new AtomicBoolean();
        private final AtomicLong next = new AtomicLong();
        final long[] status = new long[600];
        private final AtomicLongArray counts = new AtomicLongArray(600);
        private ExecutorService pool;
        private final Map<Integer, HttpClient> clients = new ConcurrentHashMap<>();

        Attack(String base, IntFunction<String> email, IntFunction<String> address) {
            this.base = base;
            this.email = email;
            this.address = address;
        }

        void start(int n) throws InterruptedException {
            running.set(true);
            pool = Executors.newFixedThreadPool(n);
            CountDownLatch ready = new CountDownLatch(n);
            for (int t = 0; t < n; t++) {
                int thread = t;
                pool.submit(() -> {
                    HttpClient c = clients.computeIfAbsent(
                            thread,
                            k -> HttpClient.newBuilder()
                                    .version(HttpClient.Version.HTTP_1_1)
                                    .build());
                    ready.countDown();
                    while (running.get()) {
                        int i = (int) next.getAndIncrement();
                        try {
                            int s = c.send(
                                            json(
                                                    base + "/auth/login",
                                                    "{\"email\":\"" + email.apply(i) + "\",\"password\":\"wrong guess "
                                                            + i + "\"}",
                                                    address.apply(i)),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                            counts.incrementAndGet(Math.min(s, 599));
                        } catch (Exception e) {
                            counts.incrementAndGet(0);
                        }
                    }
                    return null;
                });
            }
            ready.await();
        }

        void stop() throws InterruptedException {
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
            for (int s = 0; s < status.length; s++) status[s] = counts.get(s);
        }

        long total() {
            long t = 0;
            for (long s : status) t += s;
            return t;
        }
    }
}

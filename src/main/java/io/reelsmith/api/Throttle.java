package io.reelsmith.api;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Attempts per key (an account, a client address) as Bucket4j token buckets: {@code capacity} attempts at once,
 * refilled evenly over {@code period}. Buckets live in memory, at most {@link #MAX_KEYS} of them (the least
 * recently used is forgotten, so a flood of new keys costs bounded memory and only frees old keys early).
 * Each process counts for itself: N API processes allow N times the attempts (docs/deployment.md).
 */
final class Throttle {
    static final int MAX_KEYS = 100_000;
    private final long capacity;
    private final Duration period;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    };

    Throttle(long capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
    }

    /** Takes one attempt for the key: 0 when it may go on, else the whole seconds to wait (≥ 1). */
    long take(String key) {
        ConsumptionProbe p = bucket(key).tryConsumeAndReturnRemaining(1);
        return p.isConsumed() ? 0 : Math.max(1, (p.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    /** Gives an attempt back (a successful login does not count against the account). */
    void giveBack(String key) {
        bucket(key).addTokens(1);
    }

    private synchronized Bucket bucket(String key) {
        return buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillGreedy(capacity, period)
                                .build())
                        .build());
    }
}

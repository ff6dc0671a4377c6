package io.reelsmith.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Which calls fail. Queued faults go to the next matching calls, in order; then each call fails with
 * probability {@code rate}, the fault drawn from {@code kinds} (seeded, so a failing test can be replayed).
 */
public final class Faults {
    public static final int SLOW_FACTOR = 4;

    private final Deque<Fault> queued = new ArrayDeque<>();
    private double rate;
    private List<Fault> kinds = List.of();
    private Random random = new Random(1);

    public synchronized void set(double rate, List<Fault> kinds, long seed) {
        if (rate < 0 || rate > 1) throw new IllegalArgumentException("fault rate must be within 0..1");
        this.rate = kinds.isEmpty() ? 0 : rate;
        this.kinds = List.copyOf(kinds);
        this.random = new Random(seed);
    }

    public synchronized void queue(List<Fault> next) {
        queued.addAll(next);
    }

    public synchronized void clear() {
        queued.clear();
        rate = 0;
        kinds = List.of();
    }

    /** The fault for this call, if any. {@code videoStart} is true for generate/extend/interpolate. */
    public synchronized Optional<Fault> draw(boolean videoStart) {
        Fault head = queued.peek();
        if (head != null && (videoStart || !head.onlyForVideo())) return Optional.of(queued.pop());
        if (rate == 0 || random.nextDouble() >= rate) return Optional.empty();
        List<Fault> fitting =
                kinds.stream().filter(f -> videoStart || !f.onlyForVideo()).toList();
        return fitting.isEmpty() ? Optional.empty() : Optional.of(fitting.get(random.nextInt(fitting.size())));
    }
}

package io.reelsmith.limits;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link VeoLimiter} inside one process (the CLI's {@code make}, a bench): the same slots and request window as
 * {@link DbVeoLimiter}, kept in memory. A slot not renewed for the lease TTL is free again (a step that failed while its
 * call may still run at Google does not release it). Waiting longer than {@link VeoLimits#maxWait()} fails the step.
 */
public final class LocalVeoLimiter implements VeoLimiter {
    private final VeoLimits limits;
    private final Map<String, Long> leases = new HashMap<>(); // key → expiry (ms)
    private final Deque<Long> requests = new ArrayDeque<>(); // submission times (ms) within the window

    public LocalVeoLimiter(VeoLimits limits) {
        this.limits = limits;
    }

    @Override
    public synchronized Slot acquire(String key) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + limits.maxWait().toMillis();
        while (true) {
            long now = System.currentTimeMillis();
            leases.values().removeIf(expiry -> expiry <= now);
            if (leases.containsKey(key) || leases.size() < limits.maxConcurrent()) {
                leases.put(key, now + limits.leaseTtl().toMillis());
                return new LocalSlot(key);
            }
            waitUntil(deadline, 200, "a free video slot (" + limits.maxConcurrent() + " calls already running)");
        }
    }

    @Override
    public synchronized void beforeRequest() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + limits.maxWait().toMillis();
        while (true) {
            long now = System.currentTimeMillis();
            while (!requests.isEmpty()
                    && requests.peekFirst() <= now - limits.window().toMillis()) requests.removeFirst();
            if (requests.size() < limits.requestsPerWindow()) {
                requests.addLast(now);
                return;
            }
            waitUntil(
                    deadline,
                    requests.peekFirst() + limits.window().toMillis() - now,
                    "room for a video request (" + limits.requestsPerWindow() + " per "
                            + limits.window().toSeconds() + " s)");
        }
    }

    /** Calls holding a slot now. */
    public synchronized int running() {
        long now = System.currentTimeMillis();
        return (int) leases.values().stream().filter(expiry -> expiry > now).count();
    }

    private void waitUntil(long deadline, long waitMs, String what) throws IOException, InterruptedException {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0)
            throw new IOException(
                    "waited " + limits.maxWait().toSeconds() + " s for " + what + "; run the job again later");
        wait(Math.max(1, Math.min(waitMs, left)));
    }

    private final class LocalSlot implements Slot {
        private final String key;

        LocalSlot(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public boolean renew() {
            synchronized (LocalVeoLimiter.this) {
                if (!leases.containsKey(key)) return false;
                leases.put(key, System.currentTimeMillis() + limits.leaseTtl().toMillis());
                return true;
            }
        }

        public void release() {
            synchronized (LocalVeoLimiter.this) {
                leases.remove(key);
                LocalVeoLimiter.this.notifyAll();
            }
        }
    }
}

package io.reelsmith.service;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the CPU priority of the calling thread alone: on Linux {@code nice} belongs to a thread, so a job server's
 * threads can yield to the API's request threads in the same process ({@code serve}) or to an API and a database on
 * the same cores. Threads the lowered one starts inherit its priority (FFmpeg runs too). A no-op elsewhere.
 */
final class ThreadNice {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadNice.class);
    private static final int PRIO_PROCESS = 0; // with a thread id, Linux's setpriority sets that thread's nice
    private static final LibC LIBC = load();
    private static final ThreadLocal<Boolean> LOWERED = ThreadLocal.withInitial(() -> false);

    interface LibC extends Library {
        int gettid();

        int getpriority(int which, int who);

        int setpriority(int which, int who, int prio);
    }

    private ThreadNice() {}

    /**
     * The calling thread at {@code nice} (0..19; 0: left as it is), once per thread (it cannot be raised back); never
     * raised: a thread of a process started at a lower priority already (systemd's {@code Nice=}) keeps it.
     */
    static void lower(int nice) {
        if (nice <= 0 || LIBC == null || LOWERED.get()) return;
        LOWERED.set(true);
        int tid = LIBC.gettid();
        if (LIBC.getpriority(PRIO_PROCESS, tid) >= nice) return;
        if (LIBC.setpriority(PRIO_PROCESS, tid, nice) != 0)
            LOG.warn(
                    "could not lower job thread {} to nice {}",
                    Thread.currentThread().getName(),
                    nice);
    }

    private static LibC load() {
        if (!Platform.isLinux()) return null;
        try {
            return Native.load("c", LibC.class);
        } catch (UnsatisfiedLinkError e) {
            LOG.warn("job threads keep their priority: {}", e.getMessage());
            return null;
        }
    }
}

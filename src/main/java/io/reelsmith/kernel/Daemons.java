package io.reelsmith.kernel;

import java.util.concurrent.ThreadFactory;

/** Threads that do not keep the process alive: timers, tarpits, small servers' handlers. */
public final class Daemons {
    private Daemons() {}

    /** Makes daemon threads all called {@code name}. */
    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}

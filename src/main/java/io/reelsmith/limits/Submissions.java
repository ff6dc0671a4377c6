package io.reelsmith.limits;

import java.io.InterruptedIOException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One paid submission round trip at a time in this process, from its claim until its operation id is journaled. The
 * round trip is the one window in which a crash leaves a call Google may have accepted without our record of it; with
 * the parallel plan's blocks submitted side by side, a crash could otherwise catch several of them in that window at
 * once. Serialised, it catches one at most, as with the continuous take (a submission takes well under a second; the
 * calls then run side by side).
 */
public final class Submissions {
    private static final ReentrantLock ONE = new ReentrantLock(true);

    private Submissions() {}

    /** Waits for the window; {@link #end()} must follow in a finally block. */
    public static void begin(String what) throws InterruptedIOException {
        try {
            ONE.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + ": interrupted while waiting to submit");
        }
    }

    public static void end() {
        ONE.unlock();
    }
}

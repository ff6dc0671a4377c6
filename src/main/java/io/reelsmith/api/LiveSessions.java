package io.reelsmith.api;

import io.reelsmith.storage.Sessions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Whether a token's session is live, asked of the database at most once per {@code recheck} per session: a client
 * polling its video's status costs one query per request instead of two. A session this process ends (logout, a
 * replayed refresh token, account deletion) is refused by it at once; one ended elsewhere (another API process, the
 * {@code users} command) within {@code recheck}. {@link Duration#ZERO} asks the database every time.
 */
final class LiveSessions {
    /** Past this many sessions the remembered ones are dropped (each is then checked again): bounded memory. */
    private static final int MAX_REMEMBERED = 100_000;

    private final Sessions sessions;
    private final long recheckNanos;
    private final LongSupplier nanoTime;
    /** Session id → its user and when the database last said it was live. */
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    /** Counts the sessions this process ended: a check that overlapped one does not remember its answer. */
    private final AtomicLong ended = new AtomicLong();

    private record Seen(String userId, long atNanos) {}

    LiveSessions(Sessions sessions, Duration recheck, LongSupplier nanoTime) {
        this.sessions = sessions;
        this.recheckNanos = recheck.toNanos();
        this.nanoTime = nanoTime;
    }

    boolean live(String sessionId, String userId) {
        long now = nanoTime.getAsLong();
        Seen s = seen.get(sessionId);
        if (s != null && s.userId().equals(userId) && now - s.atNanos() < recheckNanos) return true;
        long endedBefore = ended.get();
        boolean live = sessions.live(sessionId, userId);
        if (!live) {
            // ended (or never this user's: a token naming another's session leaves the owner's answer be)
            seen.computeIfPresent(sessionId, (id, was) -> was.userId().equals(userId) ? null : was);
            return false;
        }
        if (recheckNanos <= 0) return true;
        if (seen.size() >= MAX_REMEMBERED) seen.clear();
        seen.put(sessionId, new Seen(userId, now));
        // ended here while the database was asked: its answer may predate the end, so it is not kept
        if (ended.get() != endedBefore) seen.remove(sessionId);
        return true;
    }

    /** After this process deleted the session's row. */
    void ended(String sessionId) {
        ended.incrementAndGet();
        seen.remove(sessionId);
    }

    /** After this process deleted every session row of the user. */
    void endedAllOf(String userId) {
        ended.incrementAndGet();
        seen.values().removeIf(s -> s.userId().equals(userId));
    }
}

package io.reelsmith.storage;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Sign-in sessions: one row per login, holding the hash of its refresh secret and when it ends. An access token
 * is accepted only while its session row exists ({@link #live}); logout and account deletion delete rows.
 */
public final class Sessions {
    private final Jdbi jdbi;

    public Sessions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A new session of the user; the user's expired sessions are swept on the way. */
    public String create(String userId, String refreshHash, Duration lifetime) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = Rows.now();
        jdbi.useTransaction(h -> {
            h.execute("DELETE FROM sessions WHERE user_id = ? AND expires_at < ?", userId, now);
            h.execute(
                    "INSERT INTO sessions (id, user_id, refresh_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                    id,
                    userId,
                    refreshHash,
                    now,
                    now.plus(lifetime));
        });
        return id;
    }

    /** True while the session exists, belongs to the user and has not expired. */
    public boolean live(String sessionId, String userId) {
        return Rows.value(
                                jdbi,
                                Integer.class,
                                "SELECT COUNT(*) FROM sessions WHERE id = ? AND user_id = ? AND expires_at > ?",
                                sessionId,
                                userId,
                                Rows.now())
                        .orElseThrow()
                > 0;
    }

    /**
     * Replaces the session's refresh hash if {@code oldHash} is its current one and it has not expired: the user id,
     * else empty. A wrong hash for a live session (an old refresh secret used again: stolen, or replayed) ends it.
     */
    public Optional<String> rotate(String sessionId, String oldHash, String newHash) {
        return jdbi.inTransaction(h -> {
            var row = h.select(
                            "SELECT user_id, refresh_hash FROM sessions WHERE id = ? AND expires_at > ? FOR UPDATE",
                            sessionId,
                            Rows.now())
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                    .findOne();
            if (row.isEmpty()) return Optional.<String>empty();
            if (!MessageDigest.isEqual(row.get()[1].getBytes(), oldHash.getBytes())) {
                h.execute("DELETE FROM sessions WHERE id = ?", sessionId);
                return Optional.<String>empty();
            }
            h.execute("UPDATE sessions SET refresh_hash = ? WHERE id = ?", newHash, sessionId);
            return Optional.of(row.get()[0]);
        });
    }

    /** Ends one session (logout); ending one that is gone is no error. */
    public void delete(String sessionId) {
        Rows.update(jdbi, "DELETE FROM sessions WHERE id = ?", sessionId);
    }

    /** Ends every session of the user. */
    public void deleteAll(String userId) {
        Rows.update(jdbi, "DELETE FROM sessions WHERE user_id = ?", userId);
    }
}

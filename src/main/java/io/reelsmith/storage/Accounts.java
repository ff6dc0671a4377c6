package io.reelsmith.storage;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** An account and everything it owns, for deleting it (DELETE /account): what it holds, then its rows. */
public final class Accounts {
    private final Jdbi jdbi;

    public Accounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What a user owns in the blob store: its characters' image keys and its videos' ids. */
    public record Holdings(List<String> characterImageKeys, List<String> videoIds) {}

    public Holdings holdings(String userId) {
        return jdbi.withHandle(h -> new Holdings(
                h.createQuery("SELECT image_key FROM characters WHERE owner_id = ?")
                        .bind(0, userId)
                        .mapTo(String.class)
                        .list(),
                h.createQuery("SELECT id FROM videos WHERE owner_id = ?")
                        .bind(0, userId)
                        .mapTo(String.class)
                        .list()));
    }

    /** True while a video of the user is queued or running, or a batch of theirs still has themes to start. */
    public boolean busy(String userId) {
        return jdbi.withHandle(h -> h.createQuery(
                                "SELECT (SELECT COUNT(*) FROM videos WHERE owner_id = ? AND status IN ('QUEUED', 'RUNNING'))"
                                        + " + (SELECT COUNT(*) FROM batch_videos bv JOIN batches b ON b.id = bv.batch_id"
                                        + " WHERE b.owner_id = ? AND bv.state IN ('PENDING', 'RESERVED'))")
                        .bind(0, userId)
                        .bind(1, userId)
                        .mapTo(Long.class)
                        .one())
                > 0;
    }

    /**
     * Deletes the user's rows in one transaction: sessions, spend entries, batches (their theme rows cascade),
     * videos (steps, checkpoints and step log cascade), characters, then the user. False when there was no such user.
     */
    public boolean delete(String userId) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM sessions WHERE user_id = ?")
                    .bind(0, userId)
                    .execute();
            h.createUpdate("DELETE FROM spend_entries WHERE user_id = ?")
                    .bind(0, userId)
                    .execute();
            h.createUpdate("DELETE FROM batches WHERE owner_id = ?")
                    .bind(0, userId)
                    .execute();
            h.createUpdate("DELETE FROM videos WHERE owner_id = ?")
                    .bind(0, userId)
                    .execute();
            h.createUpdate("DELETE FROM characters WHERE owner_id = ?")
                    .bind(0, userId)
                    .execute();
            return h.createUpdate("DELETE FROM users WHERE id = ?")
                            .bind(0, userId)
                            .execute()
                    > 0;
        });
    }
}

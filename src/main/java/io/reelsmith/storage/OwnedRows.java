package io.reelsmith.storage;

import io.reelsmith.app.Page;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * A table whose rows each belong to one user ({@code owner_id}): the reads such a store has alike. It has no read
 * that skips the owner: only {@link WorkerRows} adds one.
 */
abstract class OwnedRows<T> {
    protected final Jdbi jdbi;
    protected final String table;
    protected final RowMapper<T> row;

    /** {@code table} is one of our constant names, never user input; every value is a bound parameter. */
    OwnedRows(Jdbi jdbi, String table, RowMapper<T> row) {
        this.jdbi = jdbi;
        this.table = table;
        this.row = row;
    }

    /** The owner's row, or empty: another user's id is not found, never forbidden, so ids do not leak. */
    public Optional<T> find(String ownerId, String id) {
        return Rows.find(jdbi, row, "SELECT * FROM " + table + " WHERE id = ? AND owner_id = ?", id, ownerId);
    }

    /** One owner's rows, newest first (ties by id, so pages never overlap), and their count. */
    public Page<T> list(String ownerId, int limit, int offset) {
        return jdbi.withHandle(h -> new Page<>(
                h.select(
                                "SELECT * FROM " + table
                                        + " WHERE owner_id = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                                ownerId,
                                limit,
                                offset)
                        .map(row)
                        .list(),
                h.select("SELECT COUNT(*) FROM " + table + " WHERE owner_id = ?", ownerId)
                        .mapTo(Long.class)
                        .one(),
                limit,
                offset));
    }
}

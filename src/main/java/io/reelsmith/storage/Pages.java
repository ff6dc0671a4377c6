package io.reelsmith.storage;

import io.reelsmith.app.Page;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Listing one owner's rows a page at a time, the same for every table. */
final class Pages {
    private Pages() {}

    /** One owner's rows of {@code table}, newest first (ties by id, so pages never overlap), and their count. */
    static <T> Page<T> ofOwner(Jdbi jdbi, String table, RowMapper<T> row, String ownerId, int limit, int offset) {
        // table is one of our constant names, never user input; every value is a bound parameter
        return jdbi.withHandle(h -> new Page<>(
                h.createQuery("SELECT * FROM " + table
                                + " WHERE owner_id = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                        .bind(0, ownerId)
                        .bind(1, limit)
                        .bind(2, offset)
                        .map(row)
                        .list(),
                h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE owner_id = ?")
                        .bind(0, ownerId)
                        .mapTo(Long.class)
                        .one(),
                limit,
                offset));
    }
}

package io.reelsmith.storage;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Owned rows the worker also reads for whoever owns them (videos, batches): their ports ask for the owner-less
 * {@link #find(String)}; characters stay {@link OwnedRows}, so no read of theirs skips the owner.
 */
abstract class WorkerRows<T> extends OwnedRows<T> {
    WorkerRows(Jdbi jdbi, String table, RowMapper<T> row) {
        super(jdbi, table, row);
    }

    /** Any owner's row: only for the worker, which acts for whoever owns the job. */
    public Optional<T> find(String id) {
        return Rows.find(jdbi, row, "SELECT * FROM " + table + " WHERE id = ?", id);
    }
}

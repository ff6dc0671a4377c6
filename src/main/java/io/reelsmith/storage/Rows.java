package io.reelsmith.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Conventions shared by the repositories: timestamps in UTC at millisecond precision (same on H2 and PostgreSQL),
 * and one statement on its own handle with positional arguments ({@code ?}), every value a bound parameter.
 */
final class Rows {
    private Rows() {}

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** An SQL list of enum names ({@code 'A', 'B'}): only our constants, so they may be spliced into a statement. */
    static String names(Enum<?>... values) {
        return String.join(
                ", ", Arrays.stream(values).map(v -> "'" + v.name() + "'").toList());
    }

    /** The one row {@code sql} selects, or empty. */
    static <T> Optional<T> find(Jdbi jdbi, RowMapper<T> row, String sql, Object... args) {
        return jdbi.withHandle(h -> h.select(sql, args).map(row).findOne());
    }

    /** The one value {@code sql} selects, or empty. */
    static <T> Optional<T> value(Jdbi jdbi, Class<T> type, String sql, Object... args) {
        return jdbi.withHandle(h -> h.select(sql, args).mapTo(type).findOne());
    }

    static <T> List<T> list(Jdbi jdbi, RowMapper<T> row, String sql, Object... args) {
        return jdbi.withHandle(h -> h.select(sql, args).map(row).list());
    }

    /** Locks the row {@code id} of {@code table} (one of our constant names) for the rest of the caller's transaction. */
    static void lock(Jdbi jdbi, String table, String id) {
        jdbi.useHandle(h -> h.select("SELECT id FROM " + table + " WHERE id = ? FOR UPDATE", id)
                .mapTo(String.class)
                .one());
    }

    /** Runs an update: how many rows it changed. */
    static int update(Jdbi jdbi, String sql, Object... args) {
        return jdbi.withHandle(h -> h.execute(sql, args));
    }

    /** Runs an update: whether it changed a row. */
    static boolean changed(Jdbi jdbi, String sql, Object... args) {
        return update(jdbi, sql, args) > 0;
    }
}

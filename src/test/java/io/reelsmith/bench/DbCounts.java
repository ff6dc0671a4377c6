package io.reelsmith.bench;

import io.reelsmith.harness.PostgresHarness;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What the cluster asked of PostgreSQL during the run, from the server's own counters: statements by text
 * ({@code pg_stat_statements}, which the harness's server preloads) and committed transactions
 * ({@code pg_stat_database}). Per video, so runs of different sizes compare; JobRunr's own polling is in it too.
 */
final class DbCounts {
    private final long commits;

    private DbCounts(long commits) {
        this.commits = commits;
    }

    /** Zeroes the statement counts and reads the commit count: call when the jobs are about to start. */
    static DbCounts start(PostgresHarness pg) throws SQLException {
        try (Connection c = pg.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            st.execute("SELECT pg_stat_statements_reset()");
            return new DbCounts(commits(st));
        }
    }

    /** Prints statements and transactions per video, and the {@code top} statements by calls. */
    void print(PostgresHarness pg, PrintStream log, int videos, int top) throws SQLException {
        try (Connection c = pg.connect();
                Statement st = c.createStatement()) {
            long transactions = commits(st) - commits;
            long calls = 0;
            StringBuilder lines = new StringBuilder();
            try (ResultSet rs = st.executeQuery(
                    "SELECT calls, total_exec_time, query FROM pg_stat_statements "
                            + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY calls DESC")) {
                for (int i = 0; rs.next(); i++) {
                    calls += rs.getLong(1);
                    if (i < top)
                        lines.append(String.format(
                                Locale.ROOT,
                                "  %6.2f per video, %5.2f ms each: %s%n",
                                rs.getLong(1) / (double) videos,
                                rs.getDouble(2) / Math.max(1, rs.getLong(1)),
                                shorten(rs.getString(3))));
                }
            }
            log.printf(
                    Locale.ROOT,
                    "database: %.1f statements and %.1f committed transactions per video (all processes, JobRunr's too); most called:%n%s",
                    calls / (double) videos,
                    transactions / (double) videos,
                    lines);
        }
    }

    private static long commits(Statement st) throws SQLException {
        try (ResultSet rs =
                st.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String shorten(String sql) {
        String one = sql.replaceAll("\\s+", " ").strip();
        return one.length() <= 110 ? one : one.substring(0, 107) + "...";
    }
}

package io.reelsmith.storage;

import io.reelsmith.limits.VeoLimiter;
import io.reelsmith.limits.VeoLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * {@link VeoLimiter} on the database all workers share (PostgreSQL in a cluster, H2 on one machine). Each
 * decision is one short transaction that first locks the single row of {@code veo_limiter_lock}, so two
 * workers never both take the last slot: free expired leases, then grant if under the limit. A worker that is
 * refused sleeps (until the window has room, or a short poll for slots) and tries again, up to
 * {@link VeoLimits#maxWait()}. Not FIFO: under contention any waiter may win, which is fine for a quota.
 */
public final class DbVeoLimiter implements VeoLimiter {
    private static final long SLOT_POLL_MS = 200;

    private final DataSource db;
    private final VeoLimits limits;
    private final String holder;

    public DbVeoLimiter(DataSource db, VeoLimits limits) {
        this.db = db;
        this.limits = limits;
        this.holder = hostName() + ":" + ProcessHandle.current().pid();
        migrate(db);
    }

    /**
     * The limiter's tables live in their own schema, with their own Flyway history, apart from the service's.
     * Flyway creates it quoted (exact case), so queries quote it too; table names fold alike on H2 and PostgreSQL.
     */
    public static final String SCHEMA = "veo_limits";

    /**
     * Creates the limiter's tables if needed. Their own schema keeps the two migration streams independent:
     * neither sees the other's tables, so either may run first.
     */
    public static void migrate(DataSource db) {
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/veo-limiter")
                .schemas(SCHEMA)
                .createSchemas(true)
                .load()
                .migrate();
    }

    @Override
    public Slot acquire(String key) throws IOException, InterruptedException {
        if (key == null || key.isBlank() || key.length() > 200) throw new IllegalArgumentException("bad lease key");
        long deadline = System.currentTimeMillis() + limits.maxWait().toMillis();
        while (true) {
            if (inTransaction(c -> tryAcquire(c, key))) return new DbSlot(key);
            sleepUntilRetry(
                    SLOT_POLL_MS,
                    deadline,
                    "a free Veo slot (" + limits.maxConcurrent() + " operations already running)");
        }
    }

    @Override
    public void beforeRequest() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + limits.maxWait().toMillis();
        while (true) {
            long waitMs = inTransaction(this::tryRequest);
            if (waitMs == 0) return;
            sleepUntilRetry(
                    waitMs,
                    deadline,
                    "room for a Veo request (" + limits.requestsPerWindow() + " per "
                            + limits.window().toSeconds() + " s)");
        }
    }

    /** Operations holding a slot now (expired leases excluded), for dashboards and tests. */
    public int runningOperations() throws IOException {
        return inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT COUNT(*) FROM \"veo_limits\".veo_operation_leases WHERE expires_ms > ?")) {
                st.setLong(1, System.currentTimeMillis());
                return count(st);
            }
        });
    }

    private boolean tryAcquire(Connection c, String key) throws SQLException {
        long now = System.currentTimeMillis();
        lock(c);
        update(c, "DELETE FROM \"veo_limits\".veo_operation_leases WHERE expires_ms <= ?", now);
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE \"veo_limits\".veo_operation_leases SET expires_ms = ?, holder = ? WHERE lease_key = ?")) {
            st.setLong(1, now + limits.leaseTtl().toMillis());
            st.setString(2, holder);
            st.setString(3, key);
            if (st.executeUpdate() == 1) return true; // this key's slot taken back (a resumed operation)
        }
        try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM \"veo_limits\".veo_operation_leases")) {
            if (count(st) >= limits.maxConcurrent()) return false;
        }
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO \"veo_limits\".veo_operation_leases (lease_key, holder, acquired_ms, expires_ms) VALUES (?, ?, ?, ?)")) {
            st.setString(1, key);
            st.setString(2, holder);
            st.setLong(3, now);
            st.setLong(4, now + limits.leaseTtl().toMillis());
            st.executeUpdate();
        }
        return true;
    }

    /** 0 when granted (and counted); otherwise how long until the oldest request leaves the window. */
    private long tryRequest(Connection c) throws SQLException {
        long now = System.currentTimeMillis();
        long windowStart = now - limits.window().toMillis();
        lock(c);
        update(c, "DELETE FROM \"veo_limits\".veo_request_log WHERE at_ms <= ?", windowStart);
        try (PreparedStatement st =
                c.prepareStatement("SELECT COUNT(*), MIN(at_ms) FROM \"veo_limits\".veo_request_log")) {
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getInt(1) >= limits.requestsPerWindow()) return Math.max(1, rs.getLong(2) - windowStart);
            }
        }
        try (PreparedStatement st =
                c.prepareStatement("INSERT INTO \"veo_limits\".veo_request_log (at_ms, holder) VALUES (?, ?)")) {
            st.setLong(1, now);
            st.setString(2, holder);
            st.executeUpdate();
        }
        return 0;
    }

    private final class DbSlot implements Slot {
        private final String key;

        DbSlot(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public boolean renew() throws IOException {
            return inTransaction(c -> {
                lock(c);
                try (PreparedStatement st = c.prepareStatement(
                        "UPDATE \"veo_limits\".veo_operation_leases SET expires_ms = ? WHERE lease_key = ? AND expires_ms > ?")) {
                    long now = System.currentTimeMillis();
                    st.setLong(1, now + limits.leaseTtl().toMillis());
                    st.setString(2, key);
                    st.setLong(3, now);
                    return st.executeUpdate() == 1;
                }
            });
        }

        @Override
        public void release() throws IOException {
            inTransaction(c -> update(c, "DELETE FROM \"veo_limits\".veo_operation_leases WHERE lease_key = ?", key));
        }
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement("SELECT id FROM \"veo_limits\".veo_limiter_lock WHERE id = 1 FOR UPDATE")) {
            st.executeQuery().close();
        }
    }

    private static int update(Connection c, String sql, Object arg) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, arg);
            return st.executeUpdate();
        }
    }

    private static int count(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private interface Tx<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Tx<T> work) throws IOException {
        try (Connection c = db.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IOException("Veo limiter: database error: " + e.getMessage(), e);
        }
    }

    private static void sleepUntilRetry(long wantMs, long deadline, String what)
            throws IOException, InterruptedException {
        long now = System.currentTimeMillis();
        if (now >= deadline) throw new IOException("waited too long for " + what + "; the step will be retried later");
        // A little jitter so that waiting workers do not all wake and collide on the lock at once.
        long sleep =
                Math.min(Math.min(wantMs, 1000) + ThreadLocalRandom.current().nextLong(20), deadline - now);
        Thread.sleep(Math.max(1, sleep));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}

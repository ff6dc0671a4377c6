package io.reelsmith.storage;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGConnectionPoolDataSource;

/** The service's database: a small connection pool, Flyway migrations applied on open, Jdbi on top. */
public final class Database implements AutoCloseable {
    private final JdbcConnectionPool pool;
    private final Jdbi jdbi;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
    }

    /** H2 ({@code jdbc:h2:…}, the default) or PostgreSQL ({@code jdbc:postgresql://…}). */
    public static Database open(String url, String user, String password) {
        JdbcConnectionPool pool;
        if (url.startsWith("jdbc:h2:")) {
            pool = JdbcConnectionPool.create(url, user, password);
        } else if (url.startsWith("jdbc:postgresql:")) {
            PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
            pg.setURL(url);
            pg.setUser(user);
            pg.setPassword(password);
            pool = JdbcConnectionPool.create(pg);
        } else {
            throw new IllegalArgumentException("unsupported database URL (use jdbc:h2:… or jdbc:postgresql:…): "
                    + url.replaceAll("password=[^;&]*", "password=***"));
        }
        pool.setMaxConnections(20);
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new Database(pool);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}

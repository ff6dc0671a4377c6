package io.reelsmith.storage;

import io.reelsmith.app.video.VideoRow;
import io.reelsmith.app.video.VideoStatus;
import io.reelsmith.harness.PostgresHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The databases the storage adapters' contract tests run on: a fresh H2 in memory, and one PostgreSQL per JVM. */
final class TestDatabases {
    private static Database postgres;

    private TestDatabases() {}

    /** An H2 database in memory, migrated, alive until the JVM ends. */
    static Database h2() {
        return Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** The PostgreSQL every contract test of this JVM shares (started once, stopped when the JVM ends). */
    static synchronized Database postgres() {
        if (postgres == null) {
            try {
                PostgresHarness pg = PostgresHarness.start();
                Database db = Database.open(pg.jdbcUrl(), PostgresHarness.USER, "");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    db.close();
                    pg.close();
                }));
                postgres = db;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    /** A user row of this id, if there is none yet. */
    static void user(Jdbi jdbi, String id) {
        jdbi.useHandle(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM users WHERE id = ?")
                            .bind(0, id)
                            .mapTo(Integer.class)
                            .one()
                    == 0) {
                h.createUpdate("INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)")
                        .bind(0, id)
                        .bind(1, id + "@example.com")
                        .bind(2, "x")
                        .bind(3, OffsetDateTime.now(ZoneOffset.UTC))
                        .execute();
            }
        });
    }

    /** A video of {@code owner} (its user row made if there is none), in {@code status}; its id. */
    static String video(Jdbi jdbi, String owner, String theme, VideoStatus status) {
        user(jdbi, owner);
        String id = UUID.randomUUID().toString();
        new Videos(jdbi)
                .create(new VideoRow(
                        id,
                        owner,
                        UUID.randomUUID().toString(),
                        "Kwirlo",
                        "a robot",
                        "cartoon",
                        theme,
                        "en",
                        "local",
                        2,
                        status,
                        null,
                        null,
                        0,
                        null,
                        null,
                        null,
                        null,
                        null));
        return id;
    }

    /** A video of {@code owner} being made by the run holding {@code runToken}. */
    static String runningVideo(Jdbi jdbi, String owner, String runToken) {
        String id = video(jdbi, owner, "a kite", VideoStatus.QUEUED);
        if (new Videos(jdbi).startRun(id, runToken, 30) != Videos.RunStart.STARTED)
            throw new IllegalStateException("video " + id + " did not start");
        return id;
    }
}

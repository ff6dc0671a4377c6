package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.storage.Database;
import io.reelsmith.storage.Sessions;
import io.reelsmith.storage.Users;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A token's session is checked in the database once per second, not on every request; a session this process ends
 * is refused at once, one ended elsewhere (another API process, the users command) within the recheck time (H2).
 */
class LiveSessionsTest {
    private static Database db;
    private static Jdbi counted;
    private static String user;
    private static final AtomicInteger statements = new AtomicInteger();

    @BeforeAll
    static void open() {
        db = Database.open("jdbc:h2:mem:sessions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        counted = Jdbi.create(db.dataSource()).setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.incrementAndGet();
            }
        });
        user = new Users(db.jdbi())
                .create("polls@example.com", "hash")
                .orElseThrow()
                .id();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aLiveSessionIsAskedOncePerRecheckAndOneEndedElsewhereIsRefusedWithinIt() {
        AtomicLong now = new AtomicLong();
        Sessions sessions = new Sessions(counted);
        LiveSessions live = new LiveSessions(sessions, Duration.ofSeconds(1), now::get);
        String session = sessions.create(user, "hash", Duration.ofHours(1));
        statements.set(0);
        for (int i = 0; i < 50; i++) assertThat(live.live(session, user)).isTrue();
        assertThat(statements.get()).as("queries for 50 checks within a second").isEqualTo(1);
        assertThat(live.live(session, "someone-else"))
                .as("another user's token naming this session")
                .isFalse();

        db.jdbi().useHandle(h -> h.execute("DELETE FROM sessions WHERE id = ?", session)); // another process ends it
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(live.live(session, user))
                .as("still remembered 999 ms after the last check")
                .isTrue();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(live.live(session, user)).as("1 s after the last check").isFalse();
        assertThat(live.live(session, user)).isFalse();
    }

    @Test
    void aSessionEndedByThisProcessIsRefusedAtOnce() {
        Tokens tokens = new Tokens(
                "a-test-secret-0123456789abcdef-0123456789",
                Duration.ofMinutes(15),
                Duration.ofDays(30),
                Clock.systemUTC(),
                new Sessions(db.jdbi()),
                Duration.ofHours(1)); // remembered far longer than the test runs: only the ends can make it refuse
        Tokens.Issued loggedOut = tokens.start(user), replayed = tokens.start(user), deleted = tokens.start(user);
        for (Tokens.Issued t : new Tokens.Issued[] {loggedOut, replayed, deleted})
            assertThat(tokens.userIdOf("Bearer " + t.token())).isEqualTo(user);

        tokens.end(new Tokens.Caller(user, session(loggedOut)));
        assertRefused(tokens, loggedOut);

        assertThat(tokens.refresh(replayed.refreshToken())).isPresent(); // rotated: the old secret is now spent
        assertThat(tokens.refresh(replayed.refreshToken())).isEmpty(); // replayed: the session ends
        assertRefused(tokens, replayed);

        db.jdbi().useHandle(h -> h.execute("DELETE FROM sessions WHERE user_id = ?", user)); // the account's deletion
        tokens.endedAllOf(user);
        assertRefused(tokens, deleted);
    }

    private static String session(Tokens.Issued t) {
        return t.refreshToken().substring(0, t.refreshToken().indexOf('.'));
    }

    private static void assertRefused(Tokens tokens, Tokens.Issued t) {
        assertThatThrownBy(() -> tokens.userIdOf("Bearer " + t.token()))
                .isInstanceOfSatisfying(
                        ApiError.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("session has ended");
    }
}

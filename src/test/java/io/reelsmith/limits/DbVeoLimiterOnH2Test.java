package io.reelsmith.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.storage.Database;
import io.reelsmith.storage.DbVeoLimiter;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The limiter on the one-machine default database, next to the service's own tables. */
class DbVeoLimiterOnH2Test {
    @Test
    void worksBesideTheServiceTablesWhicheverMigratesFirst() throws Exception {
        String url = "jdbc:h2:mem:limiter-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");

        DbVeoLimiter limiter = new DbVeoLimiter(
                h2, new VeoLimits(1, 10, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMillis(200)));
        try (Database service = Database.open(url, "sa", "")) { // the service's migrations after the limiter's
            int videos = service.jdbi()
                    .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM videos")
                            .mapTo(Integer.class)
                            .one());
            assertThat(videos).isZero();
        }
        DbVeoLimiter.migrate(h2); // and again: nothing to do

        VeoLimiter.Slot slot = limiter.acquire("video-1/block-1");
        assertThatThrownBy(() -> limiter.acquire("video-2/block-1")).hasMessageContaining("free Veo slot");
        slot.release();
        limiter.acquire("video-2/block-1");
        assertThat(limiter.runningOperations()).isEqualTo(1);
    }
}

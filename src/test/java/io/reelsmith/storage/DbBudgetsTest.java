package io.reelsmith.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.app.money.BudgetStore;
import io.reelsmith.app.video.VideoStatus;
import io.reelsmith.kernel.Purchase;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.kernel.Step;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

/** A user's reservations with what each video has spent since: one query however many videos run (asked at every start). */
class DbBudgetsTest {
    private static final Database DB = TestDatabases.h2();
    private static final String OWNER = "44444444-4444-4444-4444-444444444444";

    @Test
    void aUsersReservationsAndTheirSpendAreOneQuery() {
        Jdbi jdbi = DB.jdbi();
        DbBudgets budgets = new DbBudgets(jdbi);
        List<String> running = List.of(
                TestDatabases.video(jdbi, OWNER, "one", VideoStatus.RUNNING),
                TestDatabases.video(jdbi, OWNER, "two", VideoStatus.QUEUED),
                TestDatabases.video(jdbi, OWNER, "three", VideoStatus.RUNNING));
        TestDatabases.video(jdbi, OWNER, "done", VideoStatus.COMPLETED); // holds nothing
        for (String v : running) budgets.reserve(v, new BigDecimal("5.00"), BigDecimal.ZERO);
        new DbSpendLedger(jdbi)
                .forJob(running.get(0), OWNER)
                .record(new SpendLedger.Charge(
                        Step.block(0),
                        new Purchase("veo", "generate", 8, "second", new BigDecimal("3.20")),
                        SpendStatus.CHARGED,
                        "op"));

        AtomicInteger statements = new AtomicInteger();
        Jdbi counted = Jdbi.create(DB.dataSource()).setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.incrementAndGet();
            }
        });
        List<BudgetStore.Reservation> held = new DbBudgets(counted).reservations(OWNER);

        assertThat(statements).as("queries (it was one per running video more)").hasValue(1);
        assertThat(held).extracting(BudgetStore.Reservation::videoId).containsExactlyInAnyOrderElementsOf(running);
        assertThat(held)
                .filteredOn(r -> r.videoId().equals(running.get(0)))
                .singleElement()
                .satisfies(r -> assertThat(r.spentNowUsd()).isEqualByComparingTo("3.20"));
        assertThat(held)
                .filteredOn(r -> !r.videoId().equals(running.get(0)))
                .allSatisfy(r -> assertThat(r.spentNowUsd()).isEqualByComparingTo("0"));
    }
}

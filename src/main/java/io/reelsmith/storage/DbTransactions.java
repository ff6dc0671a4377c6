package io.reelsmith.storage;

import io.reelsmith.app.Transactions;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * One database transaction: every repository of this database called inside it on the same thread gets the same
 * handle (Jdbi's per-thread handle scope) and so joins it; it commits when {@code work} returns, rolls back if it throws.
 */
public record DbTransactions(Jdbi jdbi) implements Transactions {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(h -> work.get());
    }
}

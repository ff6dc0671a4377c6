package io.reelsmith.app;

import java.util.function.Supplier;

/**
 * Port: runs work as one transaction of the store. What the stores' adapters do inside {@code work} on this
 * thread joins it, so a budget check, a reservation and the status change it pays for are made together or not at
 * all. Adapters: the service's database ({@code storage.DbTransactions}); in memory, work simply runs.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Stores with no transactions (in memory, one thread at a time). */
    Transactions NONE = new Transactions() {
        @Override
        public synchronized <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
}

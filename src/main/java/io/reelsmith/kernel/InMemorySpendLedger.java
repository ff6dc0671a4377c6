package io.reelsmith.kernel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A ledger for tests and single runs. */
public class InMemorySpendLedger implements SpendLedger {
    protected final Map<String, SpendEntry> byJobStep = new LinkedHashMap<>();

    @Override
    public synchronized void record(SpendEntry e) {
        byJobStep.put(e.jobId() + "\u0000" + e.step() + "\u0000" + e.operationId(), e);
    }

    @Override
    public synchronized List<SpendEntry> entries(String jobId) {
        return byJobStep.values().stream().filter(e -> e.jobId().equals(jobId)).toList();
    }

    @Override
    public synchronized List<SpendEntry> entriesOf(String user) {
        return byJobStep.values().stream()
                .filter(e -> Objects.equals(e.user(), user))
                .toList();
    }

    @Override
    public synchronized BigDecimal spentBy(String user) {
        return byJobStep.values().stream()
                .filter(e -> Objects.equals(e.user(), user))
                .filter(SpendEntry::counts)
                .map(e -> e.purchase().usd())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public synchronized List<SpendEntry> all() {
        return new ArrayList<>(byJobStep.values());
    }
}

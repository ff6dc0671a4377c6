package io.reelsmith.testkit.memory;

import io.reelsmith.app.Page;
import io.reelsmith.app.batch.BatchStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Batches in memory; each theme moves only from the states named, as the database's do. */
public final class MemoryBatches implements BatchStore {
    private final Map<String, BatchRow> batches = new LinkedHashMap<>();
    private final Map<String, List<Item>> items = new LinkedHashMap<>();

    @Override
    public synchronized void create(BatchRow b, List<Item> themes) {
        batches.put(
                b.id(),
                new BatchRow(
                        b.id(),
                        b.ownerId(),
                        b.characterId(),
                        b.provider(),
                        b.blocks(),
                        b.language(),
                        b.budgetUsd(),
                        b.jobId(),
                        Instant.now()));
        items.put(b.id(), new ArrayList<>(themes));
    }

    @Override
    public synchronized Optional<BatchRow> find(String id) {
        return Optional.ofNullable(batches.get(id));
    }

    @Override
    public synchronized Page<BatchRow> list(String ownerId, int limit, int offset) {
        List<BatchRow> mine = batches.values().stream()
                .filter(b -> b.ownerId().equals(ownerId))
                .collect(Collectors.toCollection(ArrayList::new));
        Collections.reverse(mine); // kept in creation order
        return Pages.of(mine.stream(), limit, offset);
    }

    @Override
    public synchronized List<Item> items(String batchId) {
        return List.copyOf(items.getOrDefault(batchId, List.of()));
    }

    @Override
    public void lock(String batchId) {
        // one writer at a time: every method is synchronized
    }

    @Override
    public synchronized boolean reserve(String batchId, int position, BigDecimal usd) {
        return move(batchId, position, Set.of(ItemState.PENDING), ItemState.RESERVED, usd, null, null);
    }

    @Override
    public synchronized boolean started(String batchId, int position) {
        return move(batchId, position, Set.of(ItemState.RESERVED), ItemState.STARTED, null, null, null);
    }

    @Override
    public synchronized boolean settle(String batchId, int position, ItemState to, String reason, String message) {
        return move(batchId, position, Set.of(ItemState.PENDING, ItemState.RESERVED), to, null, reason, message);
    }

    @Override
    public synchronized Map<String, String> unfinished() {
        Map<String, String> out = new LinkedHashMap<>();
        items.forEach((id, list) -> {
            if (list.stream().anyMatch(i -> i.state() == ItemState.PENDING || i.state() == ItemState.RESERVED))
                out.put(id, batches.get(id).jobId());
        });
        return out;
    }

    private boolean move(
            String batchId,
            int position,
            Set<ItemState> from,
            ItemState to,
            BigDecimal usd,
            String reason,
            String message) {
        List<Item> list = items.get(batchId);
        for (int i = 0; i < list.size(); i++) {
            Item it = list.get(i);
            if (it.position() != position) continue;
            if (!from.contains(it.state())) return false;
            list.set(
                    i,
                    new Item(
                            batchId,
                            position,
                            it.theme(),
                            it.videoId(),
                            to,
                            usd != null ? usd : it.reservedUsd(),
                            reason != null ? reason : it.reason(),
                            message != null ? message : it.message()));
            return true;
        }
        return false;
    }
}

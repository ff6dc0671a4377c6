package io.reelsmith.testkit.memory;

import io.reelsmith.app.Page;
import io.reelsmith.app.character.CharacterRow;
import io.reelsmith.app.character.CharacterStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The character library in memory. */
public final class MemoryCharacters implements CharacterStore {
    private final List<CharacterRow> rows = new ArrayList<>();

    @Override
    public synchronized CharacterRow create(
            String ownerId, String name, String description, String style, String source, String imageKey) {
        CharacterRow c = new CharacterRow(
                UUID.randomUUID().toString(), ownerId, name, description, style, source, imageKey, Instant.now());
        rows.add(c);
        return c;
    }

    @Override
    public synchronized Optional<CharacterRow> find(String ownerId, String id) {
        return rows.stream()
                .filter(c -> c.id().equals(id) && c.ownerId().equals(ownerId))
                .findFirst();
    }

    @Override
    public synchronized Page<CharacterRow> list(String ownerId, int limit, int offset) {
        List<CharacterRow> mine =
                rows.stream().filter(c -> c.ownerId().equals(ownerId)).collect(Collectors.toCollection(ArrayList::new));
        Collections.reverse(mine);
        return new Page<>(mine.stream().skip(offset).limit(limit).toList(), mine.size(), limit, offset);
    }

    @Override
    public synchronized boolean delete(String ownerId, String id) {
        return rows.removeIf(c -> c.id().equals(id) && c.ownerId().equals(ownerId));
    }
}

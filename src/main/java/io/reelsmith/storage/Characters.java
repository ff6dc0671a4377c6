package io.reelsmith.storage;

import io.reelsmith.app.Page;
import io.reelsmith.app.character.CharacterRow;
import io.reelsmith.app.character.CharacterStore;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The character library in the {@code characters} table. */
public final class Characters implements CharacterStore {
    private static final RowMapper<CharacterRow> ROW = (rs, ctx) -> new CharacterRow(
            rs.getString("id"),
            rs.getString("owner_id"),
            rs.getString("name"),
            rs.getString("description"),
            rs.getString("style"),
            rs.getString("source"),
            rs.getString("image_key"),
            Rows.instant(rs, "created_at"));
    private final Jdbi jdbi;

    public Characters(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public CharacterRow create(
            String ownerId, String name, String description, String style, String source, String imageKey) {
        CharacterRow c = new CharacterRow(
                UUID.randomUUID().toString(), ownerId, name, description, style, source, imageKey, null);
        var now = Rows.now();
        jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO characters (id, owner_id, name, description, style, source, image_key, created_at) "
                                + "VALUES (:id, :ownerId, :name, :description, :style, :source, :imageKey, :at)")
                .bindMethods(c)
                .bind("at", now)
                .execute());
        return new CharacterRow(c.id(), ownerId, name, description, style, source, imageKey, now.toInstant());
    }

    @Override
    public Optional<CharacterRow> find(String ownerId, String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM characters WHERE id = ? AND owner_id = ?")
                .bind(0, id)
                .bind(1, ownerId)
                .map(ROW)
                .findOne());
    }

    @Override
    public Page<CharacterRow> list(String ownerId, int limit, int offset) {
        return Pages.ofOwner(jdbi, "characters", ROW, ownerId, limit, offset);
    }

    @Override
    public boolean delete(String ownerId, String id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM characters WHERE id = ? AND owner_id = ?")
                        .bind(0, id)
                        .bind(1, ownerId)
                        .execute())
                > 0;
    }
}

package io.reelsmith.storage;

import io.reelsmith.app.character.CharacterRow;
import io.reelsmith.app.character.CharacterStore;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The character library in the {@code characters} table. */
public final class Characters extends OwnedRows<CharacterRow> implements CharacterStore {
    private static final RowMapper<CharacterRow> ROW = (rs, ctx) -> new CharacterRow(
            rs.getString("id"),
            rs.getString("owner_id"),
            rs.getString("name"),
            rs.getString("description"),
            rs.getString("style"),
            rs.getString("source"),
            rs.getString("image_key"),
            Rows.instant(rs, "created_at"));

    public Characters(Jdbi jdbi) {
        super(jdbi, "characters", ROW);
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
    public boolean delete(String ownerId, String id) {
        return Rows.changed(jdbi, "DELETE FROM characters WHERE id = ? AND owner_id = ?", id, ownerId);
    }
}

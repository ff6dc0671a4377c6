package io.reelsmith.app.character;

import io.reelsmith.app.Page;
import java.util.Optional;

/** Port: the character library's rows. Every read takes the owner: a row of another user is simply not found. */
public interface CharacterStore {
    CharacterRow create(String ownerId, String name, String description, String style, String source, String imageKey);

    Optional<CharacterRow> find(String ownerId, String id);

    /** The owner's characters, newest first. */
    Page<CharacterRow> list(String ownerId, int limit, int offset);

    boolean delete(String ownerId, String id);
}

package io.reelsmith.app.character;

import io.reelsmith.kernel.CharacterProfile;
import java.time.Instant;

/** A character of a user's library; {@code source} is "generated" or "upload". */
public record CharacterRow(
        String id,
        String ownerId,
        String name,
        String description,
        String style,
        String source,
        String imageKey,
        Instant createdAt) {
    public CharacterProfile profile() {
        return new CharacterProfile(name, description, style);
    }
}

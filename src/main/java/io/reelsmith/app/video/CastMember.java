package io.reelsmith.app.video;

import io.reelsmith.app.character.CharacterRow;
import io.reelsmith.kernel.CharacterProfile;

/** One character of a video's cast as the video keeps it: a copy, so the video outlives the character. */
public record CastMember(String characterId, String name, String description, String style) {
    public static CastMember of(CharacterRow c) {
        return new CastMember(c.id(), c.name(), c.description(), c.style());
    }

    public CharacterProfile profile() {
        return new CharacterProfile(name, description, style);
    }
}

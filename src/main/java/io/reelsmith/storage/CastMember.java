package io.reelsmith.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelsmith.kernel.CharacterProfile;

import java.util.List;

/** One character of a video's cast as the video keeps it: a copy, so the video outlives the character. */
public record CastMember(String characterId, String name, String description, String style) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static CastMember of(CharacterRow c) {
        return new CastMember(c.id(), c.name(), c.description(), c.style());
    }

    public CharacterProfile profile() {
        return new CharacterProfile(name, description, style);
    }

    /** The {@code videos.cast_json} column. */
    static String toJson(List<CastMember> cast) {
        try {
            return JSON.writeValueAsString(cast);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the cast as JSON", e);
        }
    }

    static List<CastMember> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<CastMember>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the cast of a video is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}

package io.reelsmith.script;

import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.JobSpec;
import java.util.List;

/** What a script writer needs: the theme, the recurring characters (lead first), how many blocks, which language. */
public record ScriptRequest(String theme, List<CharacterProfile> cast, int blocks, String language) {
    public static final int MAX_THEME_CHARS = 500;

    public ScriptRequest {
        if (theme == null || theme.isBlank()) throw new IllegalArgumentException("the theme is empty");
        if (theme.length() > MAX_THEME_CHARS)
            throw new IllegalArgumentException("the theme is longer than " + MAX_THEME_CHARS + " characters");
        if (blocks < 1 || blocks > Script.MAX_BLOCKS)
            throw new IllegalArgumentException("blocks must be between 1 and " + Script.MAX_BLOCKS + ", not " + blocks);
        if (!"en".equals(language) && !"fr".equals(language))
            throw new IllegalArgumentException("language must be en or fr, not '" + language + "'");
        theme = theme.strip();
        cast = JobSpec.checkedCast(cast);
    }

    /** A script for one recurring character. */
    public ScriptRequest(String theme, CharacterProfile character, int blocks, String language) {
        this(theme, List.of(character), blocks, language);
    }

    /** The request for a job's script. */
    public static ScriptRequest of(JobSpec spec) {
        return new ScriptRequest(spec.theme(), spec.cast(), spec.blocks(), spec.language());
    }

    /** The lead character. */
    public CharacterProfile character() {
        return cast.get(0);
    }

    public List<String> castNames() {
        return cast.stream().map(CharacterProfile::name).toList();
    }
}

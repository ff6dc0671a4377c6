package io.reelsmith.script;

import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.JobSpec;
import java.util.List;

/**
 * What a script writer needs: the theme, the recurring characters (lead first), how many blocks, which language, and
 * {@code wordBudget}: the most dialogue words of each block when the take's plan fixes them (the parallel plan on a
 * surface that films clips in steps), else null (the writer's own limit).
 */
public record ScriptRequest(
        String theme, List<CharacterProfile> cast, int blocks, String language, List<Integer> wordBudget) {
    public static final int MAX_THEME_CHARS = 500;

    public ScriptRequest {
        if (theme == null || theme.isBlank()) throw new IllegalArgumentException("the theme is empty");
        if (theme.length() > MAX_THEME_CHARS)
            throw new IllegalArgumentException("the theme is longer than " + MAX_THEME_CHARS + " characters");
        if (blocks < 1 || blocks > Script.MAX_BLOCKS)
            throw new IllegalArgumentException("blocks must be between 1 and " + Script.MAX_BLOCKS + ", not " + blocks);
        if (!"en".equals(language) && !"fr".equals(language))
            throw new IllegalArgumentException("language must be en or fr, not '" + language + "'");
        if (wordBudget != null && wordBudget.size() != blocks)
            throw new IllegalArgumentException(
                    "a word budget of " + wordBudget.size() + " blocks for " + blocks + " blocks");
        theme = theme.strip();
        cast = JobSpec.checkedCast(cast);
        wordBudget = wordBudget == null ? null : List.copyOf(wordBudget);
    }

    /** With the writer's own word limit. */
    public ScriptRequest(String theme, List<CharacterProfile> cast, int blocks, String language) {
        this(theme, cast, blocks, language, null);
    }

    /** The same request with each block's word budget (null: none). */
    public ScriptRequest withWordBudget(List<Integer> budget) {
        return new ScriptRequest(theme, cast, blocks, language, budget);
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

package io.reelsmith.kernel;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the user asked for. The script and the cast's images may also be supplied ready-made by placing
 * them in the {@link Workspace} before the run: their steps then use them instead of generating.
 * {@code cast}: 1 to {@value #MAX_CAST} recurring characters, the lead first (its image is {@code character.png});
 * {@code plan}: how a paid take is filmed (continuous unless the user chose parallel).
 */
public record JobSpec(String theme, List<CharacterProfile> cast, int blocks, String language, TakePlan plan) {
    /** Veo takes at most 3 asset reference images: one per cast member. */
    public static final int MAX_CAST = 3;

    public JobSpec {
        cast = checkedCast(cast);
        plan = plan == null ? TakePlan.CONTINUOUS : plan;
    }

    /** A video filmed as one continuous take. */
    public JobSpec(String theme, List<CharacterProfile> cast, int blocks, String language) {
        this(theme, cast, blocks, language, TakePlan.CONTINUOUS);
    }

    /** A video with one recurring character. */
    public JobSpec(String theme, CharacterProfile character, int blocks, String language) {
        this(theme, List.of(character), blocks, language);
    }

    /** The same video filmed with {@code p}. */
    public JobSpec withPlan(TakePlan p) {
        return new JobSpec(theme, cast, blocks, language, p);
    }

    /** The lead character: the first of the cast. */
    public CharacterProfile character() {
        return cast.get(0);
    }

    /** The cast's names, lead first. */
    public List<String> castNames() {
        return cast.stream().map(CharacterProfile::name).toList();
    }

    /** 1..3 characters with distinct names (a speaker is named by its character's name). */
    public static List<CharacterProfile> checkedCast(List<CharacterProfile> cast) {
        if (cast == null || cast.isEmpty()) throw new IllegalArgumentException("a video needs at least one character");
        if (cast.size() > MAX_CAST)
            throw new IllegalArgumentException("a video has at most " + MAX_CAST + " characters, not " + cast.size());
        Set<String> names = new HashSet<>();
        for (CharacterProfile c : cast) {
            if (c == null) throw new IllegalArgumentException("a cast member is missing");
            if (!names.add(c.name().toLowerCase(Locale.ROOT)))
                throw new IllegalArgumentException("two characters of the cast are named " + c.name());
        }
        return List.copyOf(cast);
    }
}

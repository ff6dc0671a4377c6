package io.reelsmith.kernel;

/** The recurring character as the user describes it. */
public record CharacterProfile(String name, String description, String style) {
    public static final int MAX_NAME = 80, MAX_DESCRIPTION = 1000, MAX_STYLE = 80;

    public CharacterProfile {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("the character needs a name");
        name = name.strip();
        description = description == null ? "" : description.strip();
        style = style == null || style.isBlank() ? "cartoon" : style.strip();
        if (name.length() > MAX_NAME)
            throw new IllegalArgumentException("the character name is longer than " + MAX_NAME + " characters");
        if (description.length() > MAX_DESCRIPTION)
            throw new IllegalArgumentException(
                    "the character description is longer than " + MAX_DESCRIPTION + " characters");
        if (style.length() > MAX_STYLE)
            throw new IllegalArgumentException("the character style is longer than " + MAX_STYLE + " characters");
    }
}

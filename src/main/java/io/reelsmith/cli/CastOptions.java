package io.reelsmith.cli;

import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.JobSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The cast on the command line of {@code make}: one character, or several with --character, and their images. */
final class CastOptions {
    @Option(names = "--character-name", description = "The recurring character's name.")
    String characterName;

    @Option(names = "--character-description", description = "What the character looks like.")
    String characterDescription;

    @Option(names = "--character-style", description = "cartoon, anime, pixel, watercolor… (default: ${DEFAULT-VALUE})")
    String characterStyle = "cartoon";

    @Option(
            names = "--character",
            description = "A character of the cast: NAME or \"NAME: what it looks like\". Repeat for up to "
                    + JobSpec.MAX_CAST
                    + " characters, the lead first (instead of --character-name/--character-description).")
    List<String> castOptions;

    @Option(
            names = "--character-image",
            description =
                    "Use this PNG/JPEG/WebP as the character's reference image (repeat: one per --character, in order).")
    List<Path> characterImages;

    /** Built-in character for the demo and for make without character options. */
    static final CharacterProfile DEFAULT_CHARACTER = new CharacterProfile(
            "Kwirlo", "a small round blue robot with big friendly eyes and a red scarf", "cartoon");

    /** The reference images given, in order (none: an empty list). */
    List<Path> images() {
        return characterImages == null ? List.of() : characterImages;
    }

    /** The cast from --character (repeated), else the one character of --character-name/-description/-image. */
    List<CharacterProfile> cast() {
        int images = images().size();
        if (castOptions == null || castOptions.isEmpty()) {
            if (images > 1)
                throw new IllegalArgumentException("--character-image is given " + images
                        + " times for one character; give one --character per image");
            if (characterName == null && characterDescription == null && images == 0) return List.of(DEFAULT_CHARACTER);
            String name = characterName;
            if (name == null && images == 1) name = nameFromFile(characterImages.get(0));
            return List.of(new CharacterProfile(name, characterDescription, characterStyle));
        }
        if (characterName != null || characterDescription != null) {
            throw new IllegalArgumentException(
                    "use --character for every character, or --character-name/--character-description for one, not both");
        }
        if (castOptions.size() > JobSpec.MAX_CAST) {
            throw new IllegalArgumentException("a video has at most " + JobSpec.MAX_CAST
                    + " characters; --character is given " + castOptions.size() + " times");
        }
        if (images > castOptions.size())
            throw new IllegalArgumentException(
                    "--character-image is given " + images + " times for " + castOptions.size() + " characters");
        List<CharacterProfile> cast = new ArrayList<>();
        for (String option : castOptions) {
            int colon = option.indexOf(':');
            cast.add(
                    colon < 0
                            ? new CharacterProfile(option, null, characterStyle)
                            : new CharacterProfile(
                                    option.substring(0, colon), option.substring(colon + 1), characterStyle));
        }
        return JobSpec.checkedCast(cast);
    }

    static String nameFromFile(Path file) {
        String stem = file.getFileName()
                .toString()
                .replaceFirst("\\.[^.]*$", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return stem.isEmpty() ? "Hero" : Character.toUpperCase(stem.charAt(0)) + stem.substring(1);
    }
}

package io.reelsmith.kernel;


/**
 * What the user asked for. The script and the character image may also be supplied ready-made by placing
 * them in the {@link Workspace} before the run: their steps then use them instead of generating.
 */
public record JobSpec(String theme, CharacterProfile character, int blocks, String language) { }

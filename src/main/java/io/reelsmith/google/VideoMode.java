package io.reelsmith.google;

/**
 * How Veo makes the take. {@code EXTEND}: block 1 is an 8 s clip with the character as reference image and
 * every later block extends that same video by 7 s (one continuous take, 720p). {@code INTERPOLATE}: every
 * block is its own 8 s clip between a first and a last frame drawn from the character; clips are joined.
 */
public enum VideoMode {
    EXTEND,
    INTERPOLATE
}

package io.reelsmith.models;

/** A downloadable model file: where it lives under the base URL, and the SHA-256 it must have. */
public record Model(String name, String file, String sha256, long bytes) {}

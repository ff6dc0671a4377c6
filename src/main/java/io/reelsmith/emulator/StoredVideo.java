package io.reelsmith.emulator;

import java.nio.file.Path;
import java.time.Instant;

/** A video the emulator made: kept for the retention period, downloadable and extendable as Veo's are. */
record StoredVideo(
        String id, Path file, double seconds, Instant created, String aspectRatio, byte[] image, String sha256) {}

package io.reelsmith.storage;

import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.JobSpec;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A video job as the database keeps it. The character is copied in (name, description, style and, in the job
 * directory, the image) so deleting the character later cannot break the video.
 */
public record VideoRow(String id, String ownerId, String characterId, String characterName, String characterDescription,
                       String characterStyle, String theme, String language, String provider, int blocks, VideoStatus status,
                       BigDecimal estimateUsd, String jobId, int runs, String error, Instant createdAt, Instant updatedAt) {

    public JobSpec spec() {
        return new JobSpec(theme, new CharacterProfile(characterName, characterDescription, characterStyle), blocks, language);
    }
}

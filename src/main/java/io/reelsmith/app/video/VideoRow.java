package io.reelsmith.app.video;

import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.TakePlan;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A video job as the database keeps it. The characters are copied in (name, description, style and, in the job
 * directory, their images) so deleting one later cannot break the video. The {@code character*} fields are the
 * lead's; {@code cast} is every character, lead first (a video from before casts has its one character); {@code plan}: how
 * its paid take is filmed. A null {@code cast} is the one character of the {@code character*} fields, a null
 * {@code plan} is continuous.
 */
public record VideoRow(
        String id,
        String ownerId,
        String characterId,
        String characterName,
        String characterDescription,
        String characterStyle,
        String theme,
        String language,
        String provider,
        int blocks,
        VideoStatus status,
        BigDecimal estimateUsd,
        String jobId,
        int runs,
        String error,
        Instant createdAt,
        Instant updatedAt,
        List<CastMember> cast,
        TakePlan plan) {

    public VideoRow {
        cast = cast == null || cast.isEmpty()
                ? List.of(new CastMember(characterId, characterName, characterDescription, characterStyle))
                : List.copyOf(cast);
        plan = plan == null ? TakePlan.CONTINUOUS : plan;
    }

    public JobSpec spec() {
        return new JobSpec(theme, cast.stream().map(CastMember::profile).toList(), blocks, language, plan);
    }
}

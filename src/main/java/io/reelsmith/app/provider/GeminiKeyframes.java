package io.reelsmith.app.provider;

import com.google.genai.errors.ApiException;
import io.reelsmith.character.gemini.GeminiImages;
import io.reelsmith.google.GoogleException;
import io.reelsmith.google.SafetyFilteredException;
import io.reelsmith.video.KeyframeArtist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The google provider's keyframe artist: Gemini's image model ({@link GeminiImages#keyframe}). An error Google answered
 * (a refusal, a safety block) drew and billed nothing, so it is a {@link KeyframeArtist.Refused}; a call whose answer
 * never came stays uncertain and is recorded so when the next run draws it again.
 */
record GeminiKeyframes(GeminiImages images) implements KeyframeArtist {
    @Override
    public byte[] draw(String step, List<Path> cast, Path previous, String scene) throws IOException {
        List<byte[]> refs = new ArrayList<>();
        for (Path p : cast) refs.add(Files.readAllBytes(p));
        try {
            return images.keyframe(step, refs, previous == null ? null : Files.readAllBytes(previous), scene);
        } catch (GoogleException e) {
            if (e instanceof SafetyFilteredException || e.getCause() instanceof ApiException)
                throw new Refused(e.getMessage(), e);
            throw e;
        }
    }

    @Override
    public void uncertain(String step, int attempt) {
        images.uncertainKeyframe(step, attempt);
    }
}

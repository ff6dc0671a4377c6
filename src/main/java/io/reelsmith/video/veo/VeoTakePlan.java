package io.reelsmith.video.veo;

import io.reelsmith.google.GoogleModels;
import java.util.ArrayList;
import java.util.List;

/**
 * How Veo films a take of n blocks within the video model's limits (from {@link GoogleModels}): a segment starts
 * with an 8 s clip (block 1: the character as asset reference; a later segment: the previous segment's last frame
 * as first frame), and each next block extends the segment by the model's step while the source to extend stays
 * within the model's limit (Vertex AI: 30 s). Past it, the next block starts a new segment. Segments are joined
 * at their shared frame, which appears once, so each later segment adds its length minus one frame.
 */
public record VeoTakePlan(List<Step> steps, double frameSeconds) {
    public static final double CLIP_SECONDS = 8, FPS = 24;

    /** {@code segmentSeconds}: the segment's length after this block; {@code billedSeconds}: what Google bills for it. */
    public record Step(int block, int segment, boolean startsSegment, double sourceSeconds, double segmentSeconds, double billedSeconds) { }

    public static VeoTakePlan of(int blocks, GoogleModels.Model model) {
        double step = model.limits().extensionStepSeconds() == null ? 0 : model.limits().extensionStepSeconds();
        double maxSource = model.limits().maxExtensionSourceSeconds() == null ? 0 : model.limits().maxExtensionSourceSeconds();
        List<Step> steps = new ArrayList<>();
        int segment = 0;
        double length = 0;
        for (int b = 0; b < blocks; b++) {
            boolean extend = b > 0 && step > 0 && length <= maxSource + 1e-9;
            if (extend) {
                steps.add(new Step(b, segment, false, length, length + step, step));
                length += step;
            } else {
                if (b > 0) segment++;
                length = CLIP_SECONDS;
                steps.add(new Step(b, segment, true, 0, length, CLIP_SECONDS));
            }
        }
        return new VeoTakePlan(List.copyOf(steps), 1 / FPS);
    }

    public Step step(int block) {
        return steps.get(block);
    }

    public int segments() {
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).segment() + 1;
    }

    /** Seconds of the joined take: every segment's length, minus the shared frame of each join. */
    public double takeSeconds() {
        double total = 0;
        for (int i = 0; i < steps.size(); i++) {
            boolean lastOfSegment = i == steps.size() - 1 || steps.get(i + 1).startsSegment();
            if (lastOfSegment) total += steps.get(i).segmentSeconds();
        }
        return total - (segments() - 1) * frameSeconds;
    }

    public double billedSeconds() {
        return steps.stream().mapToDouble(Step::billedSeconds).sum();
    }

    /** Submissions to Google (one per block). */
    public int calls() {
        return steps.size();
    }
}

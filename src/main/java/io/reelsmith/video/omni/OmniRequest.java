package io.reelsmith.video.omni;

import io.reelsmith.google.GoogleException;
import java.util.List;

/**
 * One Omni interaction to create: a clip of {@code seconds} at 9:16 720p with native audio. {@code task}:
 * reference_to_video (the character as reference images), image_to_video ({@code firstFrame} starts the clip; with
 * {@code lastFrame} it ends on that frame: Google reads a second image of image_to_video as the ending frame, so no
 * reference image may follow a first frame) or extend (continues {@code previousInteractionId}).
 */
public record OmniRequest(
        String model,
        String task,
        String prompt,
        int seconds,
        byte[] firstFrame,
        byte[] lastFrame,
        List<byte[]> referenceImages,
        String previousInteractionId) {
    public static final String ASPECT_RATIO = "9:16", RESOLUTION = "720p";

    public OmniRequest {
        referenceImages = referenceImages == null ? List.of() : List.copyOf(referenceImages);
    }

    /** Without a last frame. */
    public OmniRequest(
            String model,
            String task,
            String prompt,
            int seconds,
            byte[] firstFrame,
            List<byte[]> referenceImages,
            String previousInteractionId) {
        this(model, task, prompt, seconds, firstFrame, null, referenceImages, previousInteractionId);
    }

    /** A clip from {@code first} to {@code last} (Omni's interpolation). */
    public static OmniRequest between(String model, String prompt, int seconds, byte[] first, byte[] last) {
        return new OmniRequest(model, "image_to_video", prompt, seconds, first, last, List.of(), null);
    }

    static OmniRequest check(OmniRequest r, OmniLimits limits) throws GoogleException {
        boolean extend = r.task().equals("extend");
        if (extend && limits.extension() == null) throw new GoogleException(r.model() + " does not extend videos here");
        List<Integer> allowed = extend ? limits.extension().newSeconds() : limits.clipSeconds();
        if (!allowed.contains(r.seconds())) {
            throw new GoogleException(r.model() + (extend ? " extends a video by " : " makes clips of ")
                    + allowed.get(0) + "-" + allowed.get(allowed.size() - 1) + " s, not " + r.seconds() + " s");
        }
        if (r.referenceImages().size() > limits.maxReferenceImages()) {
            throw new GoogleException(r.model() + " takes at most " + limits.maxReferenceImages()
                    + " reference images, not " + r.referenceImages().size());
        }
        if (r.task().equals("extend") != (r.previousInteractionId() != null))
            throw new GoogleException("an Omni continuation needs the previous interaction id, and only it does");
        if (r.task().equals("image_to_video") && r.firstFrame() == null)
            throw new GoogleException("an Omni image-to-video request needs its first frame");
        if (r.lastFrame() != null && !r.task().equals("image_to_video"))
            throw new GoogleException("only an Omni image-to-video request takes a last frame");
        if (r.firstFrame() != null && !r.referenceImages().isEmpty()) {
            throw new GoogleException(
                    "an Omni image-to-video request takes no reference image: Google reads a second image as the last frame");
        }
        return r;
    }
}

package io.reelsmith.video;

import io.reelsmith.google.GoogleModels;
import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.render.Frames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Google block's answer (the video Google sent back, kept beside the block's clip) and the clip made of it: an
 * extension's last seconds ({@link ExtensionAnswer}), else the answer itself. {@code key} names the block's facts and
 * checkpoint entries ("veo": {@code veo.answer}, {@code veo.answerSeconds}, {@code veo.cut}).
 */
public record AnswerClip(String key) {
    /** An extension's new seconds, cut by the model's rule at the plan's frame rate. */
    public record Cut(int seconds, GoogleModels.Extension rule, int fps) {}

    /** The fact naming the answer's file, beside the block's clip. */
    public String fileFact() {
        return key + ".answer";
    }

    /** The fact holding the answer's picture length. */
    public String secondsFact() {
        return key + ".answerSeconds";
    }

    /** How long the answer a block came from is: the input of the extension after it. */
    public double answerSeconds(BlockClip b) {
        return Double.parseDouble(b.facts().getOrDefault(secondsFact(), String.valueOf(b.seconds())));
    }

    /**
     * Block {@code job}'s clip at {@code out}, with {@code facts} and its answer's. {@code cut} (null unless the block is
     * an extension) cuts the clip from {@code answer}, once: the checkpoint keeps how the answer was read.
     */
    public BlockClip clip(BlockJob job, Path answer, Path out, Cut cut, Map<String, String> facts) throws IOException {
        Checkpoint cp = job.checkpoint();
        if (cut != null && (!Files.exists(out) || cp.get(key + ".cut").isEmpty())) {
            ExtensionAnswer.Reading reading = ExtensionAnswer.cut(
                    "block " + (job.index() + 1),
                    answer,
                    answerSeconds(job.previous()),
                    cut.seconds(),
                    cut.rule(),
                    cut.fps(),
                    out);
            cp.put(key + ".cut", reading.name());
        }
        MediaInfo made = MediaInfo.probe(out);
        // a block that is no extension keeps the answer itself: one reading serves both
        double answerSeconds = answer.equals(out) ? Frames.videoSeconds(made, out) : Frames.videoSeconds(answer);
        Map<String, String> all = new HashMap<>(facts);
        all.put(fileFact(), answer.getFileName().toString());
        all.put(secondsFact(), String.valueOf(answerSeconds));
        return new BlockClip(job.index(), out, made.seconds(), List.of(), all);
    }
}

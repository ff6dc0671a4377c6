package io.reelsmith.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Base64;

/**
 * What polling an operation returns. Running: just {@code {"name"}}. Done: the Gemini API's
 * {@code generateVideoResponse.generatedSamples[].video.uri}, or Vertex AI's inline {@code videos[].bytesBase64Encoded};
 * a safety-filtered result (count 1, reasons, no video), an empty {@code response: {}}, or an {@code error}.
 */
final class OperationAnswers {
    static final String FILE_URI = "https://generativelanguage.googleapis.com/v1beta/files/%s:download?alt=media";
    private static final String GEMINI_RESPONSE =
            "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse";
    private static final String VERTEX_RESPONSE =
            "type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse";
    private static final String FILTERED =
            "We encountered an issue with the audio for your prompt. You will not be charged for this request. [injected]";

    private OperationAnswers() {}

    static ObjectNode answer(VideoOperation op, boolean done, boolean vertex) throws IOException {
        ObjectNode answer = HttpJson.JSON.createObjectNode().put("name", op.name());
        if (!done) return answer;
        answer.put("done", true);
        ObjectNode response = HttpJson.JSON.createObjectNode();
        if (op.fault() == Fault.EMPTY_RESPONSE) {
            answer.set("response", response);
            return answer;
        }
        if (op.fault() != Fault.SAFETY_FILTERED && op.video().isCompletedExceptionally()) {
            answer.putObject("error")
                    .put("code", 13)
                    .put("message", "Video generation failed: " + failure(op))
                    .put("status", "INTERNAL");
            return answer;
        }
        ObjectNode r = vertex
                ? response.put("@type", VERTEX_RESPONSE)
                : response.put("@type", GEMINI_RESPONSE).putObject("generateVideoResponse");
        if (op.fault() == Fault.SAFETY_FILTERED) {
            r.put("raiMediaFilteredCount", 1);
            r.putArray("raiMediaFilteredReasons").add(FILTERED);
        } else {
            StoredVideo v = op.video().join();
            if (vertex) { // no storageUri was given: Vertex AI returns the video inline
                r.putArray("videos")
                        .addObject()
                        .put("mimeType", "video/mp4")
                        .put("bytesBase64Encoded", Base64.getEncoder().encodeToString(Files.readAllBytes(v.file())));
            } else {
                r.putArray("generatedSamples")
                        .addObject()
                        .putObject("video")
                        .put("uri", String.format(FILE_URI, v.id()));
            }
            r.put("raiMediaFilteredCount", 0);
        }
        answer.set("response", response);
        return answer;
    }

    private static String failure(VideoOperation op) {
        try {
            op.video().join();
            return "";
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause instanceof UncheckedIOException u ? String.valueOf(u.getCause()) : String.valueOf(cause);
        }
    }
}

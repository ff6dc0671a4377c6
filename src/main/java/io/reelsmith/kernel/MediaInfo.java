package io.reelsmith.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What ffprobe says about a media file. Missing streams have null codecs and zero sizes.
 *
 * @param container   ffprobe's format name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
 * @param constantFps the average frame rate is the stream's base rate (no variable frame rate)
 * @param videoSeconds how long the video stream lasts (the container's {@code seconds} may include a longer audio
 *                     stream); the container's length where the stream has none of its own (Matroska)
 */
public record MediaInfo(
        double seconds,
        String videoCodec,
        int width,
        int height,
        double fps,
        String pixelFormat,
        String audioCodec,
        int sampleRate,
        int channels,
        String container,
        boolean constantFps,
        double videoSeconds) {

    public boolean hasAudio() {
        return audioCodec != null;
    }

    public static MediaInfo probe(Path file) throws IOException {
        String json = Ffmpeg.probe(file, "-print_format", "json", "-show_streams", "-show_format");
        JsonNode root = new ObjectMapper().readTree(json);
        String vcodec = null, pix = null, acodec = null;
        int w = 0, h = 0, rate = 0, ch = 0;
        double fps = 0, videoSeconds = Double.NaN;
        boolean cfr = false;
        for (JsonNode s : root.path("streams")) {
            String type = s.path("codec_type").asText();
            if (type.equals("video")
                    && vcodec == null
                    && !s.path("disposition").path("attached_pic").asBoolean()) {
                vcodec = s.path("codec_name").asText();
                w = s.path("width").asInt();
                h = s.path("height").asInt();
                pix = s.path("pix_fmt").asText(null);
                fps = ratio(s.path("avg_frame_rate").asText("0/1"));
                cfr = s.path("avg_frame_rate")
                        .asText()
                        .equals(s.path("r_frame_rate").asText());
                videoSeconds = s.path("duration").asDouble(Double.NaN);
            } else if (type.equals("audio") && acodec == null) {
                acodec = s.path("codec_name").asText();
                rate = s.path("sample_rate").asInt();
                ch = s.path("channels").asInt();
            }
        }
        JsonNode format = root.path("format");
        double seconds = format.path("duration").asDouble(0);
        return new MediaInfo(
                seconds,
                vcodec,
                w,
                h,
                fps,
                pix,
                acodec,
                rate,
                ch,
                format.path("format_name").asText(),
                cfr,
                Double.isNaN(videoSeconds) ? seconds : videoSeconds);
    }

    private static double ratio(String r) {
        String[] p = r.split("/");
        try {
            double d = p.length == 2 ? Double.parseDouble(p[1]) : 1;
            return d == 0 ? 0 : Double.parseDouble(p[0]) / d;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Mean volume in dB of the audio (ffmpeg volumedetect); -91 for digital silence. */
    public static double meanVolumeDb(Path file) throws IOException {
        // through the one FFmpeg runner: a timeout, and a failed run is an error rather than "no volume"
        String out =
                Ffmpeg.command().input(file).args("-vn", "-af", "volumedetect").analyse();
        var m = Pattern.compile("mean_volume: (-?[0-9.]+) dB").matcher(out);
        if (!m.find())
            throw new MediaException("no audio volume measured for " + file + ": "
                    + out.lines().reduce((a, b) -> b).orElse(""));
        return Double.parseDouble(m.group(1));
    }
}

package io.reelsmith.render;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the render needs to know of a video take before encoding it, from one FFmpeg run that reads the take once:
 * how long its first video stream lasts and its mean frame rate (its packets, copied and listed, not decoded), and
 * the sound's {@link Loudness}. One run instead of an ffprobe and a loudness pass: each FFmpeg or ffprobe start costs
 * ≈ 0.06 CPU s (docs/benchmarks.md, "Render stage").
 *
 * @param loudness null when the take has no sound or it is silent
 */
record TakeFacts(double videoSeconds, double fps, boolean hasAudio, Loudness loudness) {
    static TakeFacts read(Path take) throws IOException {
        Path packets = Files.createTempFile("reelsmith-packets", ".crc");
        try {
            String log;
            try {
                log = Ffmpeg.command()
                        .label("read take + loudness")
                        .input(take)
                        .map("0:v:0", "0:a:0?")
                        .args("-c:v", "copy")
                        .audioFilter(Loudness.METER)
                        .args("-f", "framecrc")
                        .output(packets)
                        .analyse();
            } catch (MediaException e) {
                if (e.getMessage().contains("matches no streams"))
                    throw new MediaException(take.getFileName() + " has no video stream");
                throw e;
            }
            return of(Files.readAllLines(packets), log, take);
        } finally {
            Files.deleteIfExists(packets);
        }
    }

    /**
     * From FFmpeg's {@code framecrc} listing (stream 0 the video, 1 the sound if any: header lines {@code #tb 0: 1/12288},
     * then {@code stream, dts, pts, duration, size, crc} per packet) and the meter's log.
     */
    static TakeFacts of(List<String> listing, String log, Path take) throws MediaException {
        double timeBase = Double.NaN;
        boolean audio = false;
        long first = Long.MAX_VALUE, end = Long.MIN_VALUE, frames = 0;
        for (String line : listing) {
            if (line.startsWith("#tb 0:")) timeBase = ratio(line.substring(6).strip());
            else if (line.startsWith("#media_type 1: audio")) audio = true;
            else if (line.startsWith("0,")) {
                String[] f = line.split(",");
                long pts = Long.parseLong(f[2].strip());
                first = Math.min(first, pts);
                end = Math.max(end, pts + Long.parseLong(f[3].strip()));
                frames++;
            }
        }
        if (frames == 0 || Double.isNaN(timeBase))
            throw new MediaException(take.getFileName() + " has no video frames");
        double seconds = (end - first) * timeBase;
        return new TakeFacts(seconds, frames / seconds, audio, audio ? Loudness.fromLog(log, take) : null);
    }

    private static double ratio(String r) {
        String[] p = r.split("/");
        return Double.parseDouble(p[0]) / Double.parseDouble(p[1]);
    }
}

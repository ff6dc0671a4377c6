package io.reelsmith.emulator;

import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.FileTrees;
import io.reelsmith.render.Frames;
import io.reelsmith.speech.Espeak;
import io.reelsmith.speech.Voice;
import io.reelsmith.video.SharedFrameJoin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the emulator's "Veo" MP4s: a coloured frame with the request's image on it, and audio that speaks
 * the prompt's quoted dialogue (espeak-ng) over a pink-noise sound bed, as Veo's native audio would.
 * An extension answers one combined video, the source then the new seconds, like Veo's (and Omni's, which keeps only
 * the source's tail on Agent Platform): joined frame-exact, each stream cut to its picture.
 */
final class ClipMaker {
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"|“([^”]+)”|«\\s*([^»]+?)\\s*»");

    private final int width, height;
    private final AtomicInteger made = new AtomicInteger();

    ClipMaker(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** The dialogue Veo would speak: every quoted passage of the prompt, in order. */
    static String quotedSpeech(String prompt) {
        List<String> parts = new ArrayList<>();
        Matcher m = QUOTED.matcher(prompt == null ? "" : prompt);
        while (m.find()) {
            for (int g = 1; g <= 3; g++)
                if (m.group(g) != null) parts.add(m.group(g).strip());
        }
        return String.join(" ", parts);
    }

    static boolean soundsFrench(String prompt) {
        String p = prompt.toLowerCase(Locale.ROOT);
        return p.contains("in french") || p.contains("en français") || p.contains("language: fr");
    }

    /** A new clip of {@code seconds} with {@code image} (PNG, may be null) centred on it. */
    void make(String prompt, byte[] image, double seconds, Path out) throws IOException {
        Path tmp = Files.createTempDirectory(out.getParent(), ".clip");
        try {
            segment(prompt, image, seconds, tmp, out, Motion.STILL);
        } finally {
            FileTrees.deleteTree(tmp);
        }
    }

    /**
     * An Omni clip, in which every frame differs (so a test can see a duplicated or missing frame at a join).
     * With {@code firstFrame} it slowly zooms into that picture: its first frame is that picture (image-to-video),
     * or, with {@code afterFirstFrame}, the frame that follows it (a continuation, which does not repeat the
     * frame it continues from). Without, {@code reference} drifts over a coloured frame.
     */
    void omni(String prompt, byte[] firstFrame, byte[] reference, double seconds, boolean afterFirstFrame, Path out)
            throws IOException {
        Path tmp = Files.createTempDirectory(out.getParent(), ".omni");
        try {
            if (firstFrame == null) segment(prompt, reference, seconds, tmp, out, Motion.DRIFT);
            else segment(prompt, firstFrame, seconds, tmp, out, afterFirstFrame ? Motion.ZOOM_AFTER : Motion.ZOOM_FROM);
        } finally {
            FileTrees.deleteTree(tmp);
        }
    }

    /** The last frame of {@code video}, as a PNG. */
    static byte[] lastFrame(Path video) throws IOException {
        Path png = Files.createTempFile(video.getParent(), ".last", ".png");
        try {
            SharedFrameJoin.lastFrame(video, png);
            return Files.readAllBytes(png);
        } finally {
            Files.deleteIfExists(png);
        }
    }

    private enum Motion {
        STILL,
        DRIFT,
        ZOOM_FROM,
        ZOOM_AFTER
    }

    /**
     * Image-to-video as Veo does it: the clip's first frame is {@code firstFrame} itself (scaled to the frame), then
     * a bright bar appears from the second frame on, so a later join can tell the first frame from the ones after it.
     */
    void continueFrom(String prompt, byte[] firstFrame, double seconds, Path out) throws IOException {
        Path tmp = Files.createTempDirectory(out.getParent(), ".cont");
        try {
            Path png = tmp.resolve("first.png");
            Files.write(png, firstFrame);
            String d = String.format(Locale.ROOT, "%.3f", seconds);
            Ffmpeg f = Ffmpeg.command().input(png, "-loop", "1", "-framerate", "24", "-t", d);
            String graph = "[0:v]scale=" + width + ":" + height + ",setsar=1,format=yuv420p," + "drawbox=x=0:y=0:w="
                    + Math.max(4, width / 3) + ":h=ih:color=white@0.8:t=fill:enable=gt(t\\,0.02)[v];";
            encode(f, graph + sound(f, prompt, tmp, d, 1), d, 18, out);
        } finally {
            FileTrees.deleteTree(tmp);
        }
    }

    /**
     * A clip between two given frames (Veo's interpolation, Omni's image_to_video with a second image): its first frame
     * is {@code first}, its last frame is {@code last}, and every frame between blends one into the other a little
     * more (so no two frames are alike and a join on either end frame is seamless).
     */
    void between(String prompt, byte[] first, byte[] last, double seconds, Path out) throws IOException {
        Path tmp = Files.createTempDirectory(out.getParent(), ".between");
        try {
            Path a = tmp.resolve("first.png"), b = tmp.resolve("last.png");
            Files.write(a, first);
            Files.write(b, last);
            String d = String.format(Locale.ROOT, "%.3f", seconds);
            // the last frame fully opaque: the fade lasts from the first frame's time to the last one's
            String fade = String.format(Locale.ROOT, "%.6f", Math.max(1, Math.round(seconds * 24) - 1) / 24.0);
            Ffmpeg f = Ffmpeg.command()
                    .input(a, "-loop", "1", "-framerate", "24", "-t", d)
                    .input(b, "-loop", "1", "-framerate", "24", "-t", d);
            String fit = ":" + height + ",setsar=1,format=";
            String graph = "[0:v]scale=" + width + fit + "yuv420p[a];[1:v]scale=" + width + fit
                    + "yuva420p,fade=t=in:st=0:d=" + fade + ":alpha=1[b];" + "[a][b]overlay=format=yuv420[v];";
            encode(f, graph + sound(f, prompt, tmp, d, 2), d, 18, out);
        } finally {
            FileTrees.deleteTree(tmp);
        }
    }

    /** The clip's audio {@code [a]}: the prompt's quoted speech over the pink-noise bed (input {@code bed}), cut to {@code d}. */
    private static String sound(Ffmpeg f, String prompt, Path tmp, String d, int bed) throws IOException {
        f.lavfi("anoisesrc=c=pink:a=0.03:r=24000:d=" + d);
        String speech = quotedSpeech(prompt);
        if (speech.isBlank()) return "[" + bed + ":a]atrim=0:" + d + "[a]";
        Path wav = tmp.resolve("speech.wav");
        Espeak.get().speak(speech, Voice.forSpeaker(soundsFrench(prompt) ? "fr" : "en", 0), wav);
        f.input(wav);
        return "[" + (bed + 1) + ":a]aresample=24000,apad[s];[" + bed
                + ":a][s]amix=inputs=2:duration=first:normalize=0,atrim=0:" + d + "[a]";
    }

    private static void encode(Ffmpeg f, String graph, String d, int crf, Path out) throws IOException {
        f.filterComplex(graph)
                .map("[v]", "[a]")
                .h264("ultrafast", crf)
                .args("-r", "24", "-g", "24")
                .aac(96)
                .args("-ar", "24000", "-ac", "1", "-t", d)
                .faststart()
                .output(out)
                .timeout(120)
                .run();
    }

    /** {@code source} plus a new segment of {@code seconds}: one combined video, as Veo answers an extension. */
    void extend(Path source, String prompt, byte[] image, double seconds, Path out) throws IOException {
        Path tmp = Files.createTempDirectory(out.getParent(), ".ext");
        try {
            Path seg = tmp.resolve("segment.mp4");
            segment(prompt, image, seconds, tmp, seg, Motion.STILL);
            append(source, 0, seg, out);
        } finally {
            FileTrees.deleteTree(tmp);
        }
    }

    /**
     * One video: {@code source} from {@code fromSeconds} (a whole frame) to its end, then all of {@code fresh} — what an
     * extension answers (the input's kept tail, then the new seconds). Re-encoded in one pass, cut on frames.
     */
    static void append(Path source, double fromSeconds, Path fresh, Path out) throws IOException {
        long from = Math.round(fromSeconds * 24),
                end = Math.round(Frames.videoSeconds(source) * 24),
                freshEnd = Math.round(Frames.videoSeconds(fresh) * 24);
        // each stream cut to its picture: audio a few ms longer than its video would open a gap at the join
        Ffmpeg.command()
                .input(source)
                .input(fresh)
                .filterComplex("[0:v]trim=start_frame=" + from + ":end_frame=" + end
                        + ",setpts=PTS-STARTPTS[v0];[0:a]atrim=start=" + at(from)
                        + ":end=" + at(end) + ",asetpts=PTS-STARTPTS[a0];[1:v]trim=end_frame=" + freshEnd
                        + "[v1];[1:a]atrim=end=" + at(freshEnd)
                        + "[a1];[v0][a0][v1][a1]concat=n=2:v=1:a=1[v][a]")
                .map("[v]", "[a]")
                .h264("ultrafast", 18)
                .args("-r", "24", "-g", "24")
                .aac(96)
                .args("-ar", "24000", "-ac", "1")
                .faststart()
                .output(out)
                .timeout(120)
                .run();
    }

    /** Silences {@code video}'s sound in place (pictures copied as they are): a clip asked without audio. */
    static void mute(Path video) throws IOException {
        Path tmp = video.resolveSibling("." + video.getFileName() + ".mute.mp4");
        try {
            Ffmpeg.command()
                    .input(video)
                    .args("-c:v", "copy", "-af", "volume=0")
                    .aac(96)
                    .faststart()
                    .output(tmp)
                    .timeout(60)
                    .run();
            AtomicFiles.moveAtomically(tmp, video);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String at(long frame) {
        return String.format(Locale.ROOT, "%.6f", frame / 24.0);
    }

    private void segment(String prompt, byte[] image, double seconds, Path tmp, Path out, Motion motion)
            throws IOException {
        String d = String.format(Locale.ROOT, "%.3f", seconds);
        // a backdrop of its own for every clip (the emulator's scripts repeat their blocks): a block shown in another's
        // place is seen; channels stay under 0x80, so no frame has the captions' yellow
        int mixed = new SplittableRandom(((long) prompt.hashCode() << 32) ^ made.incrementAndGet())
                .nextInt(); // neighbours far apart
        String color = String.format("0x%06X", (mixed & 0x7F7F7F) | 0x202020);
        Ffmpeg f = Ffmpeg.command().lavfi("color=c=" + color + ":s=" + width + "x" + height + ":r=24:d=" + d);
        int next = 1;
        String video = "[0:v]";
        StringBuilder graph = new StringBuilder();
        if (image != null) {
            Path png = tmp.resolve("image.png");
            Files.write(png, image);
            if (motion == Motion.ZOOM_FROM || motion == Motion.ZOOM_AFTER) {
                f.input(png, "-loop", "1", "-framerate", "24", "-t", d);
                int skip = motion == Motion.ZOOM_AFTER ? 1 : 0; // frame 0 would be the picture itself
                graph.append("[1:v]scale=")
                        .append(width)
                        .append(':')
                        .append(height)
                        .append(",setsar=1,zoompan=z='1+0.004*(on+")
                        .append(skip)
                        .append(")':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=")
                        .append(width)
                        .append('x')
                        .append(height)
                        .append(":fps=24[v];");
            } else {
                f.input(png, "-loop", "1", "-t", d);
                String x = motion == Motion.DRIFT ? "'(W-w)/2+W/8*sin(t)'" : "(W-w)/2";
                graph.append("[1:v]scale=")
                        .append(width * 3 / 4)
                        .append(":-2[img];[0:v][img]overlay=")
                        .append(x)
                        .append(":(H-h)/2:shortest=1[v];");
            }
            video = "[v]";
            next++;
        }
        f.lavfi("anoisesrc=c=pink:a=0.03:r=24000:d=" + d);
        String bed = "[" + next++ + ":a]";
        String speech = quotedSpeech(prompt);
        if (!speech.isBlank()) {
            Path wav = tmp.resolve("speech.wav");
            Espeak.get().speak(speech, Voice.forSpeaker(soundsFrench(prompt) ? "fr" : "en", 0), wav);
            f.input(wav);
            graph.append("[")
                    .append(next)
                    .append(":a]aresample=24000,apad[s];")
                    .append(bed)
                    .append("[s]amix=inputs=2:duration=first:normalize=0,atrim=0:")
                    .append(d)
                    .append("[a]");
        } else {
            graph.append(bed).append("atrim=0:").append(d).append("[a]");
        }
        if (video.equals("[0:v]")) graph.append(";[0:v]null[v]");
        encode(f, graph.toString(), d, 30, out);
    }
}

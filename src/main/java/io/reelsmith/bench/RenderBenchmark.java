package io.reelsmith.bench;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaException;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.Word;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.speech.Espeak;
import io.reelsmith.speech.Speech;
import io.reelsmith.speech.Voice;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.SubtitleFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench render}: what the render stage costs over the encode it cannot avoid. A synthetic take (the
 * size of a Veo extension chain: 720x1280, speech, AAC) is rendered by {@link FinalRenderer} with karaoke
 * subtitles, and by a bare scale+encode with the same x264 settings; the figure is the median over rounds of
 * final÷bare in CPU time of the FFmpeg processes plus this thread's own (wall time is printed too; other load
 * makes it swing).
 * Rounds alternate (bare/final, then final/bare) so that load from other processes hits both alike.
 */
public final class RenderBenchmark {
    public record Settings(double seconds, int width, int height, int runs, String preset, int crf) {
        public static Settings standard() {
            return new Settings(29, 720, 1280, 5, "veryfast", 23);
        }
    }

    /** Wall and CPU seconds of each run, in round order. */
    public record Result(
            double takeSeconds,
            int words,
            List<Double> finalSeconds,
            List<Double> bareSeconds,
            List<Double> finalCpu,
            List<Double> bareCpu,
            MediaInfo output) {
        /**
         * The figure: the median over rounds of final÷bare in CPU seconds of the FFmpeg processes and of the
         * thread that runs the leg (the render's Java work: a move of work into the JVM is not free). CPU time
         * is what the render costs, and on a machine shared with other work it hardly moves with their load,
         * where wall time swings ±30 % from one run to the next (see {@link #wallRatio()}).
         */
        public double ratio() {
            return medianRatio(finalCpu, bareCpu);
        }

        /**
         * The same on wall time. Each round's two legs run back to back, so a burst of load from another
         * process inflates both; the median over rounds then cancels most of it — on a quiet machine.
         */
        public double wallRatio() {
            return medianRatio(finalSeconds, bareSeconds);
        }

        private static double medianRatio(List<Double> a, List<Double> b) {
            List<Double> perRound = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) perRound.add(a.get(i) / b.get(i));
            return Stats.median(perRound);
        }

        public String resultLine() {
            return String.format(
                    Locale.ROOT,
                    "RESULT render_ratio=%.3f wall_ratio=%.3f final_cpu_s=%.2f bare_cpu_s=%.2f final_wall_s=%.2f bare_wall_s=%.2f take_s=%.1f runs=%d",
                    ratio(),
                    wallRatio(),
                    Stats.median(finalCpu),
                    Stats.median(bareCpu),
                    Stats.median(finalSeconds),
                    Stats.median(bareSeconds),
                    takeSeconds,
                    finalSeconds.size());
        }
    }

    private static final String[] SENTENCES = {
        "Every morning Kwirlo the fox checks the old map before the sun comes up.",
        "Today the map shows a river that was not there yesterday.",
        "He packs two apples, a rope and a very small lantern.",
        "The forest is quiet, except for a woodpecker who will not stop talking.",
        "At the river, a stone bridge rises slowly out of the water.",
        "Kwirlo takes a deep breath and steps onto the first stone.",
        "On the other side, a door stands alone in the middle of the grass.",
        "He knocks three times, and the door knocks back four.",
        "Follow me for part two, where we find out who is behind the door.",
    };

    /** The phase that is this thread's CPU in the JVM during a leg. */
    static final String JVM = "JVM (rendering thread)";

    private final PrintStream log;

    public RenderBenchmark(PrintStream log) {
        this.log = log;
    }

    public Result run(Settings s, Path dir) throws IOException {
        log.println("machine: " + Machine.describe());
        log.printf(
                Locale.ROOT,
                "bench render: %.0f s take %dx%d, x264 %s crf %d, %d runs each%n",
                s.seconds(),
                s.width(),
                s.height(),
                s.preset(),
                s.crf(),
                s.runs());
        List<Word> words = new ArrayList<>();
        Path take = makeTake(s, dir, words);
        Path ass = SubtitleFiles.write(words, CaptionStyle.SHORTS, dir.resolve("subtitles"))
                .ass();
        log.printf(Locale.ROOT, "take: %s (%d words of speech)%n", take, words.size());

        FinalRenderer renderer = new FinalRenderer(s.preset(), s.crf());
        Path finalOut = dir.resolve("final.mp4"), bareOut = dir.resolve("bare.mp4");
        List<Double> finals = new ArrayList<>(),
                bares = new ArrayList<>(),
                finalCpu = new ArrayList<>(),
                bareCpu = new ArrayList<>();
        List<Map<String, Phases.Phase>> finalPhases = new ArrayList<>();
        Phases phases = Phases.listen();
        try {
            for (int run = 0; run < s.runs(); run++) {
                boolean bareFirst = run % 2 == 0;
                for (int leg = 0; leg < 2; leg++) {
                    boolean bare = bareFirst == (leg == 0);
                    phases.take();
                    double cpu0 = ChildCpu.seconds(), jvm0 = jvmSeconds();
                    long t0 = System.nanoTime();
                    if (bare) bareEncode(take, bareOut, s);
                    else renderer.render(take, ass, finalOut);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    // the render's own Java work (building commands, reading FFmpeg's output) counts too
                    double jvm = jvmSeconds() - jvm0;
                    double cpu = ChildCpu.seconds() - cpu0 + jvm;
                    (bare ? bares : finals).add(secs);
                    (bare ? bareCpu : finalCpu).add(cpu);
                    log.printf(
                            Locale.ROOT,
                            "run %d %-5s %6.2f s wall %6.2f s cpu%n",
                            run + 1,
                            bare ? "bare" : "final",
                            secs,
                            cpu);
                    Map<String, Phases.Phase> legPhases = phases.take();
                    legPhases.put(JVM, new Phases.Phase(1, 0, jvm));
                    if (!bare) {
                        finalPhases.add(legPhases);
                        Phases.print(log, "      ", legPhases);
                    }
                }
            }
        } finally {
            phases.stop();
        }
        MediaInfo out = MediaInfo.probe(finalOut);
        if (out.width() != FinalRenderer.WIDTH || out.height() != FinalRenderer.HEIGHT) {
            throw new MediaException("final.mp4 is " + out.width() + "x" + out.height() + ", expected 1080x1920");
        }
        Result r = new Result(s.seconds(), words.size(), finals, bares, finalCpu, bareCpu, out);
        log.printf(
                Locale.ROOT,
                "median: final %.2f s, bare %.2f s; final takes %.2f s per second of video; load average now %s%n",
                Stats.median(finals),
                Stats.median(bares),
                Stats.median(finals) / s.seconds(),
                Machine.loadAverage());
        log.printf(
                Locale.ROOT,
                "where the final's CPU goes (median over rounds; the bare encode: %.2f s):%n",
                Stats.median(bareCpu));
        for (var e : Phases.medianCpu(finalPhases).entrySet()) {
            log.printf(
                    Locale.ROOT,
                    "  %-30s %6.2f s cpu  (%+.1f %% of the bare encode)%n",
                    e.getKey(),
                    e.getValue(),
                    100 * e.getValue() / Stats.median(bareCpu));
        }
        return r;
    }

    private static double jvmSeconds() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
    }

    /** The baseline: the same take scaled to 1080x1920 at the published 30 fps, the same x264 settings, audio copied. */
    private static void bareEncode(Path take, Path out, Settings s) throws IOException {
        Ffmpeg.command()
                .label("bare encode")
                .input(take)
                .videoFilter("scale=" + FinalRenderer.WIDTH + ":" + FinalRenderer.HEIGHT + ":flags=lanczos,fps="
                        + Ffmpeg.PUBLISH_FPS)
                .map("0:v:0", "0:a:0")
                .publishVideo(s.preset(), s.crf())
                .args("-c:a", "copy")
                .faststart()
                .output(out)
                .run();
    }

    /** A moving test picture with espeak speech, H.264 + 48 kHz stereo AAC like a Veo take; fills {@code words}. */
    private Path makeTake(Settings s, Path dir, List<Word> words) throws IOException {
        Speech speech = speechOfAbout(s.seconds() - 1.5, dir.resolve("speech.wav"));
        for (Word w : speech.words()) if (w.end() <= s.seconds()) words.add(w);
        Path take = dir.resolve("take.mp4");
        String duration = String.format(Locale.ROOT, "%.3f", s.seconds());
        Ffmpeg.command()
                .lavfi("testsrc2=size=" + s.width() + "x" + s.height() + ":rate=24:duration=" + duration)
                .input(speech.wav())
                .map("0:v:0", "1:a:0")
                .audioFilter("apad")
                .h264(s.preset(), s.crf())
                .aac(128)
                .args("-ar", "48000", "-ac", "2", "-t", duration)
                .output(take)
                .run();
        return take;
    }

    /** Speaks more and more of the story until it lasts at least {@code seconds} (espeak is ~500x real time). */
    private static Speech speechOfAbout(double seconds, Path wav) throws IOException {
        StringBuilder text = new StringBuilder(SENTENCES[0]);
        Speech speech = Espeak.get().speak(text.toString(), Voice.forSpeaker("en", 0), wav);
        for (int i = 1; speech.seconds() < seconds && i < SENTENCES.length * 4; i++) {
            text.append(' ').append(SENTENCES[i % SENTENCES.length]);
            speech = Espeak.get().speak(text.toString(), Voice.forSpeaker("en", 0), wav);
        }
        return speech;
    }
}

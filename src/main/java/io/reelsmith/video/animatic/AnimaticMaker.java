package io.reelsmith.video.animatic;

import io.reelsmith.kernel.Background;
import io.reelsmith.kernel.FileTrees;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.Word;
import io.reelsmith.script.Block;
import io.reelsmith.script.Script;
import io.reelsmith.speech.Espeak;
import io.reelsmith.speech.TextToSpeech;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockFrames;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.Take;
import io.reelsmith.video.VideoMaker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;

/**
 * The free, offline video provider: an animatic of the script. Per block: a background painted from the
 * visual description and slowly panned, the character (and any other speaker, with a name tag) breathing
 * and bouncing on its own words, every line spoken by a TTS voice of its own, and a synthesised sound bed
 * from the sound line. Blocks last what the plan says (8 s first, 7 s after) unless the speech needs
 * longer, always a whole number of 30 fps frames, so the take is exactly the sum of its blocks.
 *
 * <p>Nothing is encoded per block: a block step leaves {@code block-NN.json} (a {@link BlockSegment}: the
 * filter graph that draws it), {@code block-NN.wav} (its exact audio), {@code block-NN.bg.bmp} (its painted
 * background) and shared sprite sheets in {@code job.dir()}; {@link #assemble} joins them into
 * {@code take.json} + {@code take.wav}, which the render stage draws, subtitles and encodes in one pass.
 * Resuming works as before: a finished block's files are reused, an unfinished one is made again.
 */
public final class AnimaticMaker implements VideoMaker {
    /** Speech is followed by at least this much before the cut. */
    static final double TAIL = 0.5;
    /** The fact naming the block's first frame, drawn with the block and handed to {@link #frames} once. */
    public static final String FACT_FIRST_FRAME = "first-frame";

    private static final String FIRST_FRAME = ".first.png";
    /** The lead stands in the middle; its face stays above the caption band (lower third). */
    private static final int LEAD_BOX_W = 540, LEAD_BOX_H = 620, LEAD_FEET_Y = 1080;

    private static final int CAST_BOX_W = 260, CAST_BOX_H = 330, CAST_FEET_Y = 1250;

    private final TextToSpeech tts;
    /** Also writes each block's FFmpeg filter graph beside its files, for inspection (setting reelsmith.debug). */
    private final boolean debug;

    private final ScenePainter scenes = new ScenePainter();
    private final CastImages cast = new CastImages();

    /** The default: espeak-ng voices. */
    public AnimaticMaker() {
        this(null);
    }

    /** {@code tts} null means espeak-ng, loaded on first use (so wiring the provider needs no native library yet). */
    public AnimaticMaker(TextToSpeech tts) {
        this(tts, false);
    }

    public AnimaticMaker(TextToSpeech tts, boolean debug) {
        this.tts = tts;
        this.debug = debug;
    }

    @Override
    public BlockClip makeBlock(BlockJob job) throws IOException {
        Script script = job.script();
        Block block = job.block();
        String name = Step.block(job.index()).file("");
        Path work = job.dir().resolve(name);
        Files.createDirectories(work);
        Path segmentFile = job.dir().resolve(name + ".json"), audio = job.dir().resolve(name + ".wav");
        // BMP: written in milliseconds where PNG compression took a few hundred; FFmpeg reads it once.
        Path background = job.dir().resolve(name + ".bg.bmp");
        Scene scene = Scene.of(block.visual(), block.sound(), block.visual().hashCode() * 31L + job.index());

        long t0 = System.nanoTime();
        // The background needs nothing from the speech: painted while espeak-ng speaks.
        CompletableFuture<Long> painted = Background.start("animatic paint", () -> {
            if (!ImageIO.write(scenes.paint(scene), "bmp", background.toFile()))
                throw new IOException("no BMP writer in this Java runtime");
        });
        SpeechTrack speech = SpeechTrack.speak(
                block,
                speakers(job),
                script.language(),
                tts != null ? tts : Espeak.get(),
                work,
                work.resolve("speech.wav"));
        int frames = frames(Script.plannedSeconds(job.index()), speech.speechEnd());
        double seconds = frames / (double) BlockGraph.FPS;

        long t1 = System.nanoTime();
        // The mix is an FFmpeg process: it runs while Java lays out the figures and their sprite sheets.
        CompletableFuture<Long> mixed = Background.start(
                "animatic mix",
                () -> BlockGraph.mixAudio(
                        speech.wav(),
                        SoundBed.layers(block.sound(), seconds),
                        SoundBed.echoes(block.sound()),
                        frames,
                        audio));
        List<Figure> figures = figures(job, speech);
        String[] pan = pan(job.index(), seconds);
        WeatherLayer.Kind falling = WeatherLayer.of(scene);
        BlockSegment segment = BlockGraph.segment(
                job.index() + 1,
                background,
                pan[0],
                pan[1],
                figures,
                GroundShadow.in(job.dir()),
                falling == null ? null : WeatherLayer.in(falling, job.dir()),
                falling == null ? null : WeatherLayer.scrollY(falling),
                frames);
        long paintMillis = Background.await(painted, "painting the background");
        // The first frame (what the drift check looks at, the block's poster) is drawn while the sound still mixes:
        // two FFmpeg runs side by side on two cores, where one after the other they were half of a block's time.
        Path first = job.dir().resolve(name + FIRST_FRAME);
        CompletableFuture<Long> drawn = Background.start(
                "animatic first frame",
                () -> segment.drawFirstFrame(job.dir(), BlockFrames.WIDTH, BlockFrames.HEIGHT, first));
        long mixMillis = Background.await(mixed, "mixing the sound"),
                drawMillis = Background.await(drawn, "drawing the first frame");
        segment.write(segmentFile);
        long t2 = System.nanoTime();
        if (debug) Files.writeString(work.resolve("segment.graph"), segment.graph() + "\n");
        else FileTrees.deleteTree(work);
        return new BlockClip(
                job.index(),
                segmentFile,
                seconds,
                speech.words(),
                Map.of(
                        "frames",
                        String.valueOf(frames),
                        "audio",
                        audio.getFileName().toString(),
                        "scene",
                        scene.setting().name().toLowerCase(),
                        FACT_FIRST_FRAME,
                        first.getFileName().toString(),
                        "millis",
                        String.format(
                                "speech %d, then %d for figures, sound and first frame (mix %d, frame %d), paint %d"
                                        + " (beside speech)",
                                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, mixMillis, drawMillis, paintMillis)));
    }

    /** Whole frames: the planned length, or the speech plus a short tail when the speech is longer. */
    static int frames(double plannedSeconds, double speechEnd) {
        int planned = (int) Math.round(plannedSeconds * BlockGraph.FPS);
        int needed = (int) Math.ceil((speechEnd + TAIL) * BlockGraph.FPS - 1e-9);
        return Math.max(planned, needed);
    }

    /**
     * The speakers in voice order: a cast's characters first, in cast order (each keeps its voice whatever
     * the script's order of lines), then anyone else who speaks; one character: the script's order.
     */
    static List<String> speakers(BlockJob job) {
        if (job.cast().size() < 2) return job.script().speakers();
        List<String> all = new ArrayList<>();
        for (BlockJob.Member m : job.cast()) all.add(m.name());
        for (String s : job.script().speakers()) if (all.stream().noneMatch(s::equalsIgnoreCase)) all.add(s);
        return all;
    }

    /**
     * The lead (the recurring character) in the middle; the rest of a cast, with their own pictures, and
     * other speakers of this block in the front corners (two at most). Whoever speaks bounces on its words.
     */
    private List<Figure> figures(BlockJob job, SpeechTrack speech) throws IOException {
        List<String> speakers = speakers(job);
        int lead = job.cast().size() < 2 ? leadSpeaker(job.script()) : 0;
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.fit(
                        job.characterImage(),
                        LEAD_BOX_W,
                        LEAD_BOX_H,
                        BlockGraph.WIDTH / 2,
                        LEAD_FEET_Y,
                        motionOf(lead, speech, LEAD_BOX_H, 0))
                .withSprites(job.dir()));
        List<Integer> others = new ArrayList<>();
        for (int i = 1; i < job.cast().size(); i++) others.add(i); // a cast is all on screen, speaking or not
        speech.turns().stream()
                .map(SpeechTrack.Turn::speaker)
                .filter(s -> s != lead && !others.contains(s))
                .distinct()
                .forEach(others::add);
        for (int i = 0; i < Math.min(2, others.size()); i++) {
            int who = others.get(i);
            Path own = who > 0 && who < job.cast().size() ? job.cast().get(who).image() : null;
            Path image = cast.imageFor(speakers.get(who), own, job.dir());
            int centerX = i == 0 ? BlockGraph.WIDTH - 150 : 150;
            figures.add(Figure.fit(
                            image,
                            CAST_BOX_W,
                            CAST_BOX_H,
                            centerX,
                            CAST_FEET_Y,
                            motionOf(who, speech, CAST_BOX_H, 0.9 + i))
                    .withSprites(job.dir()));
        }
        return figures;
    }

    /**
     * Which speaker the character image shows: the one the visual descriptions name first (they describe
     * the recurring character: "Nano looks around…"), else the first to speak.
     */
    static int leadSpeaker(Script script) {
        List<String> speakers = script.speakers();
        for (Block b : script.blocks()) {
            String visual = b.visual().toLowerCase(Locale.ROOT);
            int best = -1, at = Integer.MAX_VALUE;
            for (int i = 0; i < speakers.size(); i++) {
                int pos = speakers.get(i).isBlank()
                        ? -1
                        : visual.indexOf(speakers.get(i).toLowerCase(Locale.ROOT));
                if (pos >= 0 && pos < at) {
                    at = pos;
                    best = i;
                }
            }
            if (best >= 0) return best;
        }
        return 0;
    }

    private static CharacterMotion motionOf(int speaker, SpeechTrack speech, double height, double phase) {
        List<Word> words = new ArrayList<>();
        List<double[]> lines = new ArrayList<>();
        for (SpeechTrack.Turn t : speech.turns()) {
            if (t.speaker() != speaker || t.words().isEmpty()) continue;
            words.addAll(t.words());
            lines.add(new double[] {
                t.words().get(0).start(), t.words().get(t.words().size() - 1).end()
            });
        }
        return new CharacterMotion(words, lines, height, phase);
    }

    /** A slow eased pan over the oversized background; the direction changes from block to block. */
    static String[] pan(int index, double seconds) {
        String ease = "(0.5-0.5*cos(PI*t/" + BlockGraph.seconds(seconds) + "))";
        return switch (index % 3) {
            case 0 -> new String[] {"(iw-ow)*" + ease, "(ih-oh)*0.6"};
            case 1 -> new String[] {"(iw-ow)*(1-" + ease + ")", "(ih-oh)*0.5"};
            default -> new String[] {"(iw-ow)*0.5", "(ih-oh)*(1-" + ease + ")"};
        };
    }

    @Override
    public Take assemble(List<BlockClip> blocks, Path dir) throws IOException {
        return new TakeAssembler().assemble(blocks, dir);
    }

    /**
     * One frame: the block's first, drawn from its filter graph (nothing is encoded per block) and scaled down. The
     * figures only breathe and bounce, so one frame shows the character as well as several would, for a fraction
     * of the cost.
     */
    @Override
    public List<Path> frames(BlockClip clip, int count, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path png = dir.resolve("frame-1.png"),
                blockDir = clip.file().toAbsolutePath().getParent();
        String drawn = clip.facts().get(FACT_FIRST_FRAME);
        if (drawn != null && Files.exists(blockDir.resolve(drawn))) {
            Files.move(blockDir.resolve(drawn), png, StandardCopyOption.REPLACE_EXISTING); // drawn with the block
        } else {
            BlockSegment.read(clip.file()).drawFirstFrame(blockDir, BlockFrames.WIDTH, BlockFrames.HEIGHT, png);
        }
        return List.of(png);
    }
}

package io.reelsmith.video.local;

import io.reelsmith.script.Block;
import io.reelsmith.script.Script;
import io.reelsmith.speech.Espeak;
import io.reelsmith.speech.TextToSpeech;
import io.reelsmith.subtitle.Word;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.Take;
import io.reelsmith.video.VideoMaker;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The free, offline video provider: an animatic of the script. Per block: a background painted from the
 * visual description and slowly panned, the character (and any other speaker, with a name tag) breathing
 * and bouncing on its own words, every line spoken by a TTS voice of its own, and a synthesised sound bed
 * from the sound line. Blocks last what the plan says (8 s first, 7 s after) unless the speech needs
 * longer, always a whole number of 24 fps frames, so the take is exactly the sum of its blocks.
 *
 * <p>Files in {@code job.dir()}: {@code block-NN.mp4} (the clip), {@code block-NN.wav} (its exact audio,
 * used by {@link #assemble}) and a {@code block-NN/} folder of intermediates that is removed when done.
 */
public final class AnimaticMaker implements VideoMaker {
    /** Speech is followed by at least this much before the cut. */
    static final double TAIL = 0.5;
    /** REELSMITH_DEBUG keeps each block's intermediates (background, speech, the FFmpeg command) for inspection. */
    static final boolean DEBUG = System.getenv("REELSMITH_DEBUG") != null;
    /** The lead stands in the middle; its face stays above the caption band (lower third). */
    private static final int LEAD_BOX_W = 540, LEAD_BOX_H = 620, LEAD_FEET_Y = 1080;
    private static final int CAST_BOX_W = 260, CAST_BOX_H = 330, CAST_FEET_Y = 1250;

    private final TextToSpeech tts;
    private final ClipEncoder encoder;
    private final ScenePainter scenes = new ScenePainter();
    private final CastImages cast = new CastImages();

    /** The default: espeak-ng voices, a fast x264 preset (the final render re-encodes anyway). */
    public AnimaticMaker() {
        this(null, "ultrafast", 20);
    }

    /** {@code tts} null means espeak-ng, loaded on first use (so wiring the provider needs no native library yet). */
    public AnimaticMaker(TextToSpeech tts, String x264Preset, int crf) {
        this.tts = tts;
        this.encoder = new ClipEncoder(x264Preset, crf);
    }

    @Override
    public BlockClip makeBlock(BlockJob job) throws IOException {
        Script script = job.script();
        Block block = job.block();
        String name = String.format("block-%02d", job.index() + 1);
        Path work = job.dir().resolve(name);
        Files.createDirectories(work);
        Path clip = job.dir().resolve(name + ".mp4"), audio = job.dir().resolve(name + ".wav");

        long t0 = System.nanoTime();
        SpeechTrack speech = SpeechTrack.speak(block, script.speakers(), script.language(), tts != null ? tts : Espeak.get(), work, work.resolve("speech.wav"));
        int frames = frames(Script.plannedSeconds(job.index()), speech.speechEnd());
        double seconds = frames / (double) ClipEncoder.FPS;

        long t1 = System.nanoTime();
        encoder.mixAudio(speech.wav(), SoundBed.layers(block.sound(), seconds), SoundBed.echoes(block.sound()), frames, audio);

        long t2 = System.nanoTime();
        // BMP: written in milliseconds where PNG compression took a few hundred; FFmpeg reads it once.
        Path background = work.resolve("background.bmp");
        Scene scene = Scene.of(block.visual(), block.sound(), block.visual().hashCode() * 31L + job.index());
        if (!ImageIO.write(scenes.paint(scene), "bmp", background.toFile())) throw new IOException("no BMP writer in this Java runtime");
        List<Figure> figures = figures(job, speech);
        String[] pan = pan(job.index(), seconds);
        long t3 = System.nanoTime();
        WeatherLayer.Kind falling = WeatherLayer.of(scene);
        encoder.encodeVideo(background, pan[0], pan[1], figures, GroundShadow.in(job.dir()),
                falling == null ? null : WeatherLayer.in(falling, job.dir()), falling == null ? null : WeatherLayer.scrollY(falling), audio, frames, clip);
        long t4 = System.nanoTime();

        if (!DEBUG) deleteTree(work);
        return new BlockClip(job.index(), clip, seconds, speech.words(),
                Map.of("frames", String.valueOf(frames), "audio", audio.getFileName().toString(), "scene", scene.setting().name().toLowerCase(),
                        "millis", String.format("speech %d, audio %d, paint %d, encode %d", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000)));
    }

    /** Whole frames: the planned length, or the speech plus a short tail when the speech is longer. */
    static int frames(double plannedSeconds, double speechEnd) {
        int planned = (int) Math.round(plannedSeconds * ClipEncoder.FPS);
        int needed = (int) Math.ceil((speechEnd + TAIL) * ClipEncoder.FPS - 1e-9);
        return Math.max(planned, needed);
    }

    /** The lead (the recurring character) in the middle; other speakers of this block in the front corners. */
    private List<Figure> figures(BlockJob job, SpeechTrack speech) throws IOException {
        List<String> speakers = job.script().speakers();
        int lead = leadSpeaker(job.script());
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.fit(job.characterImage(), LEAD_BOX_W, LEAD_BOX_H, ClipEncoder.WIDTH / 2, LEAD_FEET_Y, motionOf(lead, speech, LEAD_BOX_H, 0)).withSprites(job.dir()));
        List<Integer> others = speech.turns().stream().map(SpeechTrack.Turn::speaker).filter(s -> s != lead).distinct().limit(2).toList();
        for (int i = 0; i < others.size(); i++) {
            int who = others.get(i);
            Path image = cast.imageFor(speakers.get(who), job.dir());
            int centerX = i == 0 ? ClipEncoder.WIDTH - 150 : 150;
            figures.add(Figure.fit(image, CAST_BOX_W, CAST_BOX_H, centerX, CAST_FEET_Y, motionOf(who, speech, CAST_BOX_H, 0.9 + i)).withSprites(job.dir()));
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
            String visual = b.visual().toLowerCase(java.util.Locale.ROOT);
            int best = -1, at = Integer.MAX_VALUE;
            for (int i = 0; i < speakers.size(); i++) {
                int pos = speakers.get(i).isBlank() ? -1 : visual.indexOf(speakers.get(i).toLowerCase(java.util.Locale.ROOT));
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
            lines.add(new double[]{t.words().get(0).start(), t.words().get(t.words().size() - 1).end()});
        }
        return new CharacterMotion(words, lines, height, phase);
    }

    /** A slow eased pan over the oversized background; the direction changes from block to block. */
    static String[] pan(int index, double seconds) {
        String ease = "(0.5-0.5*cos(PI*t/" + ClipEncoder.seconds(seconds) + "))";
        return switch (index % 3) {
            case 0 -> new String[]{"(iw-ow)*" + ease, "(ih-oh)*0.6"};
            case 1 -> new String[]{"(iw-ow)*(1-" + ease + ")", "(ih-oh)*0.5"};
            default -> new String[]{"(iw-ow)*0.5", "(ih-oh)*(1-" + ease + ")"};
        };
    }

    @Override
    public Take assemble(List<BlockClip> blocks, Path dir) throws IOException {
        return new TakeAssembler().assemble(blocks, dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

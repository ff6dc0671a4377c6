package io.reelsmith.cli;

import io.reelsmith.app.GoogleRun;
import io.reelsmith.app.GooglePlan;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.character.ImageCheck;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.app.FolderJob;
import io.reelsmith.app.ProviderRegistry;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.config.ReelsmithConfig;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.script.ScriptRequest;
import io.reelsmith.script.ScriptTextParser;
import io.reelsmith.kernel.Files2;
import io.reelsmith.subtitle.CaptionStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code reelsmith make}: theme + character (+ optional script) → DIR/final.mp4 and its companion files. */
@Command(name = "make", mixinStandardHelpOptions = true,
        description = "Make a subtitled 1080x1920 video from a theme and a character. Re-running with the same --out resumes.")
public class MakeCommand implements Callable<Integer> {
    @Option(names = "--theme", description = "What the video is about.") String theme;
    @Option(names = "--themes", description = "A batch: one theme per line (blank lines and # comments ignored), one video each in DIR/NN-theme/.") Path themesFile;
    @Option(names = "--budget-usd", description = "With --themes: the most the whole batch may spend, in US dollars; it stops before a video whose estimate would cross it.") BigDecimal budgetUsd;
    @Option(names = "--character-name", description = "The recurring character's name.") String characterName;
    @Option(names = "--character-description", description = "What the character looks like.") String characterDescription;
    @Option(names = "--character-style", description = "cartoon, anime, pixel, watercolor… (default: ${DEFAULT-VALUE})", defaultValue = "cartoon") String characterStyle;
    @Option(names = "--character", description = "A character of the cast: NAME or \"NAME: what it looks like\". Repeat for up to "
            + JobSpec.MAX_CAST + " characters, the lead first (instead of --character-name/--character-description).") List<String> castOptions;
    @Option(names = "--character-image", description = "Use this PNG/JPEG/WebP as the character's reference image (repeat: one per --character, in order).") List<Path> characterImages;
    @Option(names = "--script", description = "Use this script (JSON, or the seed's **BLOCK 1 (Scenes 1-2):** text format).") Path scriptFile;
    @Option(names = "--lang", description = "en or fr (default: ${DEFAULT-VALUE}; a --script in French labels is fr).") String lang;
    @Option(names = "--blocks", description = "Blocks of two scenes: 1 = 8 s, each more +7 s (default: ${DEFAULT-VALUE}).", defaultValue = "4") int blocks;
    @Option(names = "--style", description = "Caption style: shorts or plain (default: ${DEFAULT-VALUE}).", defaultValue = "shorts") String style;
    @Option(names = "--provider", description = "local (offline animatic, free) or google (Gemini + Veo) (default: ${DEFAULT-VALUE}).", defaultValue = "local") String provider;
    @Option(names = "--video-model", description = "google: the video model id (default from the catalogue: veo-3.1-generate-001 on Vertex AI, gemini-omni-1.1-flash on an API key; see `reelsmith models google`).") String videoModel;
    @Option(names = "--dry-run", description = "Print the plan and its cost; spend nothing.") boolean dryRun;
    @Option(names = "--yes", description = "Answer yes to the cost confirmation (for scripts).") boolean yes;
    @Option(names = "--json-progress", description = "Print progress on stdout as one JSON object per line and per event (for scripts).") boolean jsonProgress;
    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with reelsmith.* settings: Google's, budgets, models… (see docs/google.md).") Path configFile;
    @Option(names = "--out", required = true, description = "Directory for final.mp4, subtitles, words.json, script.json, character.png, manifest.json.") Path out;

    /** Built-in character for the demo and for make without character options. */
    static final CharacterProfile DEFAULT_CHARACTER = new CharacterProfile("Kwirlo",
            "a small round blue robot with big friendly eyes and a red scarf", "cartoon");

    @Override
    public Integer call() throws Exception {
        if (themesFile != null) return new ThemesBatch(this).run();
        if (budgetUsd != null) throw new IllegalArgumentException("--budget-usd is for a batch of --themes (one video has the per-video budget, REELSMITH_BUDGET_PER_VIDEO_USD)");
        long t0 = System.nanoTime();
        // 1. Check every input before anything is written.
        if (theme == null || theme.isBlank()) throw new IllegalArgumentException("--theme is required (what is the video about?)");
        Inputs in = inputs(theme);
        Made m = make(in, theme, out, null);
        if (m == null) return 0; // dry run or declined: nothing spent
        double made = (System.nanoTime() - t0) / 1e9;
        if (jsonProgress) {
            new JsonProgress(System.out).event("done", "file", m.ws().finalVideo().toString(), "cover", m.ws().cover().toString(), "width", m.info().width(),
                    "height", m.info().height(), "seconds", m.info().seconds(), "blocks", m.blocks(), "provider", provider, "costUsd", m.costUsd(), "madeInSeconds", made);
            return 0;
        }
        System.out.printf(Locale.ROOT, "final.mp4: %dx%d, %.1f s, %d blocks, provider %s, cost $%.2f, made in %.1f s -> %s%n",
                m.info().width(), m.info().height(), m.info().seconds(), m.blocks(), provider, m.costUsd(), made, m.ws().finalVideo());
        return 0;
    }

    /** What every video of this command shares, checked once: language, script, character, image, captions, provider. */
    record Inputs(String language, Script script, List<CharacterProfile> cast, List<byte[]> images, CaptionStyle captions, ReelsmithConfig config,
                  ProviderRegistry registry, boolean google) { }

    /** A made video: its folder, what ffprobe says of final.mp4, its blocks and what it cost. */
    record Made(Workspace ws, MediaInfo info, int blocks, double costUsd) { }

    /** Checks the options shared by every video ({@code someTheme}: one of the themes, to check the request's form). */
    Inputs inputs(String someTheme) throws IOException {
        String language = lang == null ? null : lang.toLowerCase(Locale.ROOT);
        Script script = scriptFile == null ? null : readScript(scriptFile, language);
        if (language == null) language = script != null ? script.language() : "en";
        List<CharacterProfile> cast = cast();
        new ScriptRequest(someTheme, cast, blocks, language); // validates theme length, blocks, language, the cast
        if (script != null) script.validatedFor(cast.stream().map(CharacterProfile::name).toList());
        List<byte[]> images = new ArrayList<>();
        for (Path file : characterImages == null ? List.<Path>of() : characterImages) images.add(ImageCheck.toPng(file));
        CaptionStyle captions = CaptionStyle.named(style);
        // --video-model picks the back end: veo-* or gemini-omni-*
        ReelsmithConfig config = ConfigLoader.load(configFile, videoModel == null ? Map.of() : Map.of("reelsmith.google.video.model", videoModel));
        ProviderRegistry registry = new ProviderRegistry(config::google, config.providers());
        boolean google = ProviderRegistry.isPaid(provider); // paid: its stages are built after the plan is approved
        return new Inputs(language, script, cast, images, captions, config, registry, google);
    }

    /**
     * Makes one video in {@code dir}, resuming a previous run of the same request. Null when nothing ran (dry run,
     * declined). {@code budgetLeft}: what a batch still allows (null: no batch); a video whose estimate is above it
     * throws {@link OverBudget} before anything is spent.
     */
    Made make(Inputs in, String theme, Path dir, BigDecimal budgetLeft) throws Exception {
        Script script = in.script();
        if (dryRun && !in.google()) {
            System.out.println("Plan: provider " + provider + ", " + (script != null ? script.blocks().size() : blocks) + " blocks, free ($0.00). Dry run: nothing was made.");
            return null;
        }

        // 2. Prepare the workspace; a different request in the same directory starts afresh.
        Workspace ws = new Workspace(dir.toAbsolutePath());
        String fingerprint = fingerprint(theme, in.cast(), in.language(), script, in.images(), in.captions().name());
        prepare(ws, fingerprint);
        for (int i = 0; i < in.images().size(); i++) if (!Files.exists(ws.character(i))) Files2.writeAtomically(ws.character(i), in.images().get(i));
        if (script != null && !Files.exists(ws.script())) ScriptJson.write(script, ws.script());

        // 3. Run the pipeline, resuming whatever a previous run finished.
        JobSpec spec = new JobSpec(theme, in.cast(), script != null ? script.blocks().size() : blocks, in.language());
        if (budgetLeft != null) {
            // A finished folder makes nothing more; otherwise the plan's estimate (free for local).
            BigDecimal estimate = !in.google() || Files.exists(ws.finalVideo()) ? BigDecimal.ZERO
                    : GooglePlan.of(in.registry().googleConfig(), in.config().spendLimits(), spec, ws).estimate().totalUsd();
            if (estimate.compareTo(budgetLeft) > 0) throw new OverBudget(estimate, budgetLeft);
        }
        GoogleRun paid = null;
        if (in.google()) {
            // With --json-progress stdout carries JSON lines only: the plan goes to stderr.
            var approved = GoogleRun.open(in.registry(), in.config().spendLimits(), in.config().spendLedger(), in.config().user(), spec, ws, dryRun, yes,
                    new java.io.PrintWriter(jsonProgress ? System.err : System.out, true));
            if (approved.isEmpty()) return null; // dry run or declined: nothing spent
            paid = approved.get();
        }
        double cost;
        try (GoogleRun closing = paid; StageProgress progress = StageProgress.of(jsonProgress ? System.out : System.err, in.config().terminal(), jsonProgress)) {
            cost = FolderJob.run(in.registry(), provider, in.captions(), paid, spec, ws, progress,
                    script != null ? scriptFile.getFileName().toString() : "generated");
        }
        return new Made(ws, MediaInfo.probe(ws.finalVideo()), ScriptJson.read(ws.script()).blocks().size(), cost);
    }

    /** A batch's video not started: its estimate is above what the batch budget has left. Nothing was spent on it. */
    static final class OverBudget extends RuntimeException {
        OverBudget(BigDecimal estimate, BigDecimal left) {
            super("it would cost about " + io.reelsmith.google.CostEstimate.usd(estimate) + " but the batch budget has "
                    + io.reelsmith.google.CostEstimate.usd(left) + " left");
        }
    }

    /** The cast from --character (repeated), else the one character of --character-name/-description/-image. */
    private List<CharacterProfile> cast() {
        int images = characterImages == null ? 0 : characterImages.size();
        if (castOptions == null || castOptions.isEmpty()) {
            if (images > 1) throw new IllegalArgumentException("--character-image is given " + images + " times for one character; give one --character per image");
            if (characterName == null && characterDescription == null && images == 0) return List.of(DEFAULT_CHARACTER);
            String name = characterName;
            if (name == null && images == 1) name = nameFromFile(characterImages.get(0));
            return List.of(new CharacterProfile(name, characterDescription, characterStyle));
        }
        if (characterName != null || characterDescription != null) {
            throw new IllegalArgumentException("use --character for every character, or --character-name/--character-description for one, not both");
        }
        if (castOptions.size() > JobSpec.MAX_CAST) {
            throw new IllegalArgumentException("a video has at most " + JobSpec.MAX_CAST + " characters; --character is given " + castOptions.size() + " times");
        }
        if (images > castOptions.size()) throw new IllegalArgumentException("--character-image is given " + images + " times for " + castOptions.size() + " characters");
        List<CharacterProfile> cast = new ArrayList<>();
        for (String option : castOptions) {
            int colon = option.indexOf(':');
            cast.add(colon < 0 ? new CharacterProfile(option, null, characterStyle)
                    : new CharacterProfile(option.substring(0, colon), option.substring(colon + 1), characterStyle));
        }
        return JobSpec.checkedCast(cast);
    }

    static String nameFromFile(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return stem.isEmpty() ? "Hero" : Character.toUpperCase(stem.charAt(0)) + stem.substring(1);
    }

    static Script readScript(Path file, String language) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("script file not found: " + file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Script s = text.stripLeading().startsWith("{") ? ScriptJson.parse(text) : ScriptTextParser.parse(text, language);
        return language == null || language.equals(s.language()) ? s : new Script(s.title(), language, s.blocks()).validated();
    }

    private String fingerprint(String theme, List<CharacterProfile> cast, String language, Script script, List<byte[]> images, String captionStyle) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<String> facts = new ArrayList<>(List.of(theme));
        for (CharacterProfile c : cast) facts.addAll(List.of(c.name(), c.description(), c.style())); // one character: as before casts
        facts.addAll(List.of(language, String.valueOf(blocks), provider, captionStyle, script == null ? "" : ScriptJson.toJson(script)));
        sha.update(String.join("\n", facts).getBytes(StandardCharsets.UTF_8));
        for (byte[] image : images) sha.update(image);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Keeps a matching earlier run (to resume it); clears the files of a different one. */
    private static void prepare(Workspace ws, String fingerprint) throws IOException {
        Path marker = ws.work().resolve("request.sha256");
        if (Files.exists(marker) && Files.readString(marker).strip().equals(fingerprint)) return;
        for (Path p : new Path[]{ws.finalVideo(), ws.ass(), ws.srt(), ws.vtt(), ws.words(), ws.script(), ws.character(), ws.character(1),
                ws.character(2), ws.manifest()}) {
            Files.deleteIfExists(p);
        }
        deleteTree(ws.work());
        Files.createDirectories(ws.work());
        Files2.writeAtomically(marker, fingerprint);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

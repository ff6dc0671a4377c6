package io.reelsmith.cli;

import io.reelsmith.app.Provider;
import io.reelsmith.app.folder.FolderMaker;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.character.ImageCheck;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.config.ReelsmithConfig;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.InMemorySpendLedger;
import io.reelsmith.kernel.JsonlSpendLedger;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.kernel.WorkspaceFile;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.script.ScriptRequest;
import io.reelsmith.script.ScriptTextParser;
import io.reelsmith.subtitle.CaptionStyle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reelsmith make}: theme + character (+ optional script) → DIR/final.mp4 and its companion files. */
@Command(
        name = "make",
        description =
                "Make a subtitled 1080x1920 video from a theme and a character. Re-running with the same --out resumes.")
public class MakeCommand implements Callable<Integer> {
    @Option(names = "--theme", description = "What the video is about.")
    String theme;

    @Option(
            names = "--themes",
            description =
                    "A batch: one theme per line (blank lines and # comments ignored), one video each in DIR/NN-theme/.")
    Path themesFile;

    @Option(
            names = "--budget-usd",
            description =
                    "With --themes: the most the whole batch may spend, in US dollars; it stops before a video whose estimate would cross it.")
    BigDecimal budgetUsd;

    @Mixin
    CastOptions characters = new CastOptions();

    @Option(
            names = "--script",
            description = "Use this script (JSON, or the seed's **BLOCK 1 (Scenes 1-2):** text format).")
    Path scriptFile;

    @Option(names = "--lang", description = "en or fr (default: ${DEFAULT-VALUE}; a --script in French labels is fr).")
    String lang;

    @Option(
            names = "--blocks",
            description = "Blocks of two scenes: 1 = 8 s, each more +7 s (default: ${DEFAULT-VALUE}).",
            defaultValue = "4")
    int blocks;

    @Option(
            names = "--style",
            description = "Caption style: shorts or plain (default: ${DEFAULT-VALUE}).",
            defaultValue = "shorts")
    String style;

    @Option(
            names = "--provider",
            description = "local (offline animatic, free) or google (Gemini + Veo) (default: ${DEFAULT-VALUE}).",
            defaultValue = "local")
    String provider;

    @Option(
            names = "--plan",
            description =
                    "google: continuous (one take: a clip, then an extension per block, each after the one before; the default) "
                            + "or parallel (keyframes first, then every block at once as a clip between two keyframes: about two call latencies).",
            defaultValue = "continuous")
    String plan;

    @Option(
            names = "--video-model",
            description =
                    "google: the video model id (default from the catalogue: veo-3.1-generate-001 on Vertex AI, gemini-omni-1.1-flash on an API key; see `reelsmith models google`).")
    String videoModel;

    @Option(names = "--dry-run", description = "Print the plan and its cost; spend nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Answer yes to the cost confirmation (for scripts).")
    boolean yes;

    @Option(
            names = "--json-progress",
            description = "Print progress on stdout as one JSON object per line and per event (for scripts).")
    boolean jsonProgress;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file with reelsmith.* settings: Google's, budgets, models… (see docs/google.md).")
    Path configFile;

    @Option(
            names = "--out",
            required = true,
            description = "Directory for final.mp4, subtitles, words.json, script.json, character.png, manifest.json.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (themesFile != null) return new ThemesBatch(this).run();
        if (budgetUsd != null)
            throw new IllegalArgumentException(
                    "--budget-usd is for a batch of --themes (one video has the per-video budget, REELSMITH_BUDGET_PER_VIDEO_USD)");
        long t0 = System.nanoTime();
        // 1. Check every input before anything is written.
        if (theme == null || theme.isBlank())
            throw new IllegalArgumentException("--theme is required (what is the video about?)");
        Inputs in = inputs(theme);
        FolderMaker.Made m;
        try (StageProgress progress = progress(in)) {
            m = in.maker().make(in.request(), theme, out, null, dryRun, yes, in.approval(), progress);
        }
        if (m == null) return 0; // dry run or declined: nothing spent
        double made = (System.nanoTime() - t0) / 1e9;
        MediaInfo info = MediaInfo.probe(m.ws().file(WorkspaceFile.FINAL_VIDEO));
        int madeBlocks =
                ScriptJson.read(m.ws().file(WorkspaceFile.SCRIPT)).blocks().size();
        double cost = m.costUsd().doubleValue();
        if (jsonProgress) {
            new JsonProgress(System.out)
                    .event(
                            "done",
                            "file",
                            m.ws().file(WorkspaceFile.FINAL_VIDEO).toString(),
                            "cover",
                            m.ws().file(WorkspaceFile.COVER).toString(),
                            "width",
                            info.width(),
                            "height",
                            info.height(),
                            "seconds",
                            info.seconds(),
                            "blocks",
                            madeBlocks,
                            "provider",
                            provider,
                            "costUsd",
                            cost,
                            "madeInSeconds",
                            made);
            return 0;
        }
        System.out.printf(
                Locale.ROOT,
                "final.mp4: %dx%d, %.1f s, %d blocks, provider %s, cost $%.2f, made in %.1f s -> %s%n",
                info.width(),
                info.height(),
                info.seconds(),
                madeBlocks,
                provider,
                cost,
                made,
                m.ws().file(WorkspaceFile.FINAL_VIDEO));
        return 0;
    }

    /** What every video of this command shares, checked once: the request, the configuration, who makes it and who approves. */
    record Inputs(
            FolderMaker.Request request, ReelsmithConfig config, FolderMaker maker, FolderMaker.Approval approval) {}

    /** Checks the options shared by every video ({@code someTheme}: one of the themes, to check the request's form). */
    Inputs inputs(String someTheme) throws IOException {
        String language = lang == null ? null : lang.toLowerCase(Locale.ROOT);
        Script script = scriptFile == null ? null : readScript(scriptFile, language);
        if (language == null) language = script != null ? script.language() : "en";
        List<CharacterProfile> cast = characters.cast();
        new ScriptRequest(someTheme, cast, blocks, language); // validates theme length, blocks, language, the cast
        if (script != null)
            script.validatedFor(cast.stream().map(CharacterProfile::name).toList());
        List<byte[]> images = new ArrayList<>();
        for (Path file : characters.images()) images.add(ImageCheck.toPng(file));
        CaptionStyle captions = CaptionStyle.named(style);
        boolean paid = Provider.isPaid(provider); // paid: its stages are built after the plan is approved
        TakePlan takePlan = TakePlan.of(plan);
        if (takePlan == TakePlan.PARALLEL && !paid) {
            throw new IllegalArgumentException(
                    "--plan parallel (keyframes, then every block at once) is for --provider google; the local animatic needs no plan");
        }
        // --video-model picks the back end: veo-* or gemini-omni-*
        ReelsmithConfig config = ConfigLoader.load(
                configFile, videoModel == null ? Map.of() : Map.of("reelsmith.google.video.model", videoModel));
        ProviderRegistry registry = new ProviderRegistry(config::google, config.providers());
        SpendLedger ledger = paid ? new JsonlSpendLedger(config.spendLedger()) : new InMemorySpendLedger();
        var request = new FolderMaker.Request(
                cast,
                images,
                script,
                scriptFile == null ? null : scriptFile.getFileName().toString(),
                language,
                blocks,
                provider,
                captions,
                takePlan);
        // With --json-progress stdout carries JSON lines only: the plan goes to stderr.
        var approval = new SpendApproval(
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.console() != null,
                new PrintWriter(jsonProgress ? System.err : System.out, true));
        return new Inputs(
                request, config, new FolderMaker(registry, config.spendLimits(), ledger, config.user()), approval);
    }

    StageProgress progress(Inputs in) {
        return StageProgress.of(
                jsonProgress ? System.out : System.err, in.config().terminal(), jsonProgress);
    }

    static Script readScript(Path file, String language) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("script file not found: " + file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Script s =
                text.stripLeading().startsWith("{") ? ScriptJson.parse(text) : ScriptTextParser.parse(text, language);
        return language == null || language.equals(s.language())
                ? s
                : new Script(s.title(), language, s.blocks()).validated();
    }
}

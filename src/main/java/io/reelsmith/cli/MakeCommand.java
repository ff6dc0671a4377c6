package io.reelsmith.cli;

import io.reelsmith.app.folder.FolderMaker;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.character.ImageCheck;
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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    @Mixin
    ThemesBatch.Options batch = new ThemesBatch.Options();

    @Mixin
    CastOptions characters = new CastOptions();

    @Mixin
    VideoOptions video = new VideoOptions(4);

    @Mixin
    ScriptOptions scriptOptions = new ScriptOptions();

    @Mixin
    CaptionPreset captions = new CaptionPreset();

    @Mixin
    ProviderOptions providerOptions = new ProviderOptions();

    @Option(names = "--dry-run", description = "Print the plan and its cost; spend nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Answer yes to the cost confirmation (for scripts).")
    boolean yes;

    @Mixin
    ConfigFile configFile = new ConfigFile();

    @Option(
            names = "--out",
            required = true,
            description = "Directory for final.mp4, subtitles, words.json, script.json, character.png, manifest.json.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (batch.themesFile != null) return new ThemesBatch(this).run();
        if (batch.budgetUsd != null)
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
        if (video.jsonProgress) {
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
                            providerOptions.provider,
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
                providerOptions.provider,
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
        Script script = scriptOptions.read();
        String language = scriptOptions.language(script);
        List<CharacterProfile> cast = characters.cast();
        new ScriptRequest(
                someTheme, cast, video.blocks, language); // validates theme length, blocks, language, the cast
        if (script != null)
            script.validatedFor(cast.stream().map(CharacterProfile::name).toList());
        List<byte[]> images = new ArrayList<>();
        for (Path file : characters.images()) images.add(ImageCheck.toPng(file));
        boolean paid = providerOptions.paid();
        TakePlan takePlan = providerOptions.takePlan();
        ReelsmithConfig config = configFile.load(providerOptions.settings());
        ProviderRegistry registry = new ProviderRegistry(config::google, config.providers());
        SpendLedger ledger = paid ? new JsonlSpendLedger(config.spendLedger()) : new InMemorySpendLedger();
        var request = new FolderMaker.Request(
                cast,
                images,
                script,
                scriptOptions.fileName(),
                language,
                video.blocks,
                providerOptions.provider,
                captions.named(),
                takePlan);
        var approval = new SpendApproval(
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.console() != null,
                new PrintWriter(video.messages(), true));
        return new Inputs(
                request, config, new FolderMaker(registry, config.spendLimits(), ledger, config.user()), approval);
    }

    StageProgress progress(Inputs in) {
        return StageProgress.of(
                video.jsonProgress ? System.out : System.err, in.config().terminal(), video.jsonProgress);
    }
}

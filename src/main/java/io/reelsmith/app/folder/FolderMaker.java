package io.reelsmith.app.folder;

import io.reelsmith.app.Provider;
import io.reelsmith.app.money.BudgetPolicy;
import io.reelsmith.app.money.BudgetPolicy.Kind;
import io.reelsmith.app.money.BudgetPolicy.Limit;
import io.reelsmith.app.money.GooglePlan;
import io.reelsmith.app.money.SpendLimits;
import io.reelsmith.app.provider.GoogleProvider;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.FileTrees;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.SpendEntry;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.StepListener;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.kernel.WorkspaceFile;
import io.reelsmith.limits.LocalVeoLimiter;
import io.reelsmith.limits.VeoLimiter;
import io.reelsmith.limits.VeoLimits;
import io.reelsmith.pipeline.FileJournal;
import io.reelsmith.pipeline.Manifest;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.align.WordTimers;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code make}: one video in one folder, its journal beside its files. Prepares the folder (the same request resumes
 * what a previous run finished; a different one starts afresh), holds the money to the one {@link BudgetPolicy}
 * before anything is paid — a batch's remaining budget, then for a paid provider the plan's estimate against the
 * per-video and per-user limits, and the user's approval — then runs every unfinished step and writes manifest.json.
 * Spend goes to {@code ledger} (the CLI's file), under the folder's path as job and {@code user}. The user is asked
 * through {@link Approval}.
 */
public record FolderMaker(ProviderRegistry registry, SpendLimits limits, SpendLedger ledger, String user) {
    /** The CLI's dialogue before a paid run: show the plan, stop on a dry run, ask above the confirmation threshold. */
    public interface Approval {
        enum Decision {
            GO,
            DRY_RUN,
            DECLINED
        }

        Decision decide(GooglePlan plan, boolean dryRun, boolean yes) throws IOException;

        /** A free provider's dry run: nothing to approve, nothing is made. */
        void freeDryRun(String provider, int blocks);
    }

    /** What every video of one command shares, checked by the edge: the cast, their images, a script, the captions, the provider. */
    public record Request(
            List<CharacterProfile> cast,
            List<byte[]> images,
            Script script,
            String scriptSource,
            String language,
            int blocks,
            String provider,
            CaptionStyle captions,
            TakePlan plan) {
        public Request {
            cast = List.copyOf(cast);
            images = List.copyOf(images);
            plan = plan == null ? TakePlan.CONTINUOUS : plan;
        }

        /** The blocks a video will have: a supplied script's, else the asked number. */
        public int plannedBlocks() {
            return script != null ? script.blocks().size() : blocks;
        }
    }

    /** A made video's folder, and what it cost. */
    public record Made(Workspace ws, BigDecimal costUsd) {}

    /**
     * Makes the video of {@code theme} in {@code dir}, resuming a previous run of the same request. Null when nothing ran
     * (dry run, declined). {@code batchLeft}: what a batch still allows (null: no batch); a video whose estimate is above
     * it is refused ({@code BudgetExceeded}) before anything is spent.
     */
    public Made make(
            Request r,
            String theme,
            Path dir,
            BigDecimal batchLeft,
            boolean dryRun,
            boolean yes,
            Approval approval,
            StepListener progress)
            throws IOException {
        boolean paid = Provider.isPaid(r.provider());
        if (dryRun && !paid) {
            approval.freeDryRun(r.provider(), r.plannedBlocks());
            return null;
        }
        Workspace ws = new Workspace(dir.toAbsolutePath().normalize());
        prepare(ws, fingerprint(r, theme));
        for (int i = 0; i < r.images().size(); i++)
            if (!Files.exists(ws.character(i)))
                AtomicFiles.writeAtomically(ws.character(i), r.images().get(i));
        if (r.script() != null && !Files.exists(ws.file(WorkspaceFile.SCRIPT)))
            ScriptJson.write(r.script(), ws.file(WorkspaceFile.SCRIPT));
        JobSpec spec = new JobSpec(theme, r.cast(), r.plannedBlocks(), r.language(), r.plan());
        GooglePlan plan = paid
                ? GooglePlan.of(registry.googleConfig(), limits, spec, ws)
                : null; // a retired model is refused here
        if (batchLeft != null) {
            // a finished folder makes nothing more; otherwise the plan's estimate (free for local)
            BigDecimal estimate = plan == null || Files.exists(ws.file(WorkspaceFile.FINAL_VIDEO))
                    ? BigDecimal.ZERO
                    : plan.estimate().totalUsd();
            BudgetPolicy.check("it", estimate, Limit.of(Kind.BATCH, batchLeft, BigDecimal.ZERO));
        }
        if (!paid) {
            run(registry.stages(r.provider(), ProviderRegistry.JobContext.of(r.captions())), spec, ws, r, progress);
            return new Made(ws, BigDecimal.ZERO);
        }
        String jobId = ws.dir().toString();
        plan.checkBudget(ledger.spentBy(user).subtract(spentOn(jobId))); // a resumed job's own spend is not "other"
        Approval.Decision d = approval.decide(plan, dryRun, yes);
        if (d != Approval.Decision.GO) return null;
        // the project's video quota in this process: the parallel plan's clips queue for its slots
        VeoLimiter limiter = new LocalVeoLimiter(VeoLimits.of(registry.googleConfig()));
        var job = ProviderRegistry.JobContext.of(r.captions())
                .withSpend(jobId, user, ledger.forJob(jobId, user))
                .withLimiter(limiter);
        try (GoogleProvider google = registry.google(job)) {
            run(
                    google.stages(
                            WordTimers.auto(registry.settings().speech()),
                            r.captions(),
                            registry.settings().renderer()),
                    spec,
                    ws,
                    r,
                    progress);
        }
        return new Made(ws, spentOn(jobId));
    }

    /** What the paid job of a folder has spent so far (a batch counts a failed video's spend too). */
    public BigDecimal spentIn(Path dir) {
        return spentOn(dir.toAbsolutePath().normalize().toString());
    }

    private BigDecimal spentOn(String jobId) {
        return ledger.entries(jobId).stream()
                .filter(SpendEntry::counts)
                .map(e -> e.purchase().usd())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private void run(Stages stages, JobSpec spec, Workspace ws, Request r, StepListener progress) throws IOException {
        FileJournal journal = new FileJournal(ws.journal());
        new Pipeline(stages).run(spec, ws, journal, progress, () -> false);
        double cost =
                Provider.isPaid(r.provider()) ? spentOn(ws.dir().toString()).doubleValue() : 0.0;
        Manifest.write(
                Manifest.build(
                        spec, r.script() != null ? r.scriptSource() : "generated", r.provider(), cost, ws, journal),
                ws);
    }

    /** What makes two requests the same video: a folder whose marker matches is resumed. */
    private static String fingerprint(Request r, String theme) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> facts = new ArrayList<>(List.of(theme));
            for (CharacterProfile c : r.cast())
                facts.addAll(List.of(c.name(), c.description(), c.style())); // one character: as before casts
            facts.addAll(List.of(
                    r.language(),
                    String.valueOf(r.blocks()),
                    r.provider(),
                    r.captions().name(),
                    r.script() == null ? "" : ScriptJson.toJson(r.script())));
            if (r.plan() == TakePlan.PARALLEL)
                facts.add("plan parallel"); // its blocks are other clips: a continuous run's folder starts afresh
            sha.update(String.join("\n", facts).getBytes(StandardCharsets.UTF_8));
            for (byte[] image : r.images()) sha.update(image);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request: " + e.getMessage(), e);
        }
    }

    /** Keeps a matching earlier run (to resume it); clears the files of a different one. */
    private static void prepare(Workspace ws, String fingerprint) throws IOException {
        Path marker = ws.work().resolve("request.sha256");
        if (Files.exists(marker) && Files.readString(marker).strip().equals(fingerprint)) return;
        for (WorkspaceFile f : WorkspaceFile.values()) Files.deleteIfExists(ws.file(f));
        for (int i = 0; i < JobSpec.MAX_CAST; i++) Files.deleteIfExists(ws.character(i));
        FileTrees.deleteTree(ws.work());
        Files.createDirectories(ws.work());
        AtomicFiles.writeAtomically(marker, fingerprint);
    }
}

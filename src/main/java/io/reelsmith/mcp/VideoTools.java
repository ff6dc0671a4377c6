package io.reelsmith.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.reelsmith.app.Provider;
import io.reelsmith.app.Refusal;
import io.reelsmith.app.ViewFields;
import io.reelsmith.app.batch.BatchService;
import io.reelsmith.app.batch.Themes;
import io.reelsmith.app.money.PlanPrices;
import io.reelsmith.app.video.StepState;
import io.reelsmith.app.video.VideoRow;
import io.reelsmith.app.video.VideoService;
import io.reelsmith.app.video.VideoStatus;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.script.ScriptRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * price_video, plan_video, make_video, make_batch, video_status, batch_status, regenerate_video, cancel_video: the
 * REST API's video and batch use cases (app/VideoService, app/BatchService), so a start reserves its estimate against
 * the user's budget and the explicit spending limit in one transaction and is refused before any paid call.
 */
final class VideoTools {
    private static final BigDecimal MAX_USD = new BigDecimal("100000");
    private static final Set<String> LANGUAGES = Set.of("en", "fr");

    private final Services app;
    private final Resources resources;

    private VideoTools(Services app, Resources resources) {
        this.app = app;
        this.resources = resources;
    }

    static List<SyncToolSpecification> all(
            McpJsonMapper mapper, Function<McpSyncServerExchange, Caller> callers, Services app, Resources resources) {
        VideoTools t = new VideoTools(app, resources);
        return List.of(
                Tool.of(mapper, callers, "price_video", t::price),
                Tool.of(mapper, callers, "plan_video", t::plan),
                Tool.of(mapper, callers, "make_video", t::make),
                Tool.of(mapper, callers, "make_batch", t::makeBatch),
                Tool.of(mapper, callers, "video_status", t::status),
                Tool.of(mapper, callers, "batch_status", t::batchStatus),
                Tool.of(mapper, callers, "regenerate_video", t::regenerate),
                Tool.of(mapper, callers, "cancel_video", t::cancel));
    }

    private Tool.Output price(Caller caller, Args args, Tool.Call call) {
        args.only("blocks");
        int blocks = args.integer("blocks", 4, 1, Script.MAX_BLOCKS);
        var prices = app.prices().of(blocks);
        return new Tool.Output(
                Views.object(
                        "blocks",
                        blocks,
                        "prices",
                        Views.prices(prices),
                        "budget",
                        ViewFields.account(app.budgets().account(caller.userId()))),
                summary(prices) + "; your budget has " + remaining(caller) + " left.");
    }

    private Tool.Output plan(Caller caller, Args args, Tool.Call call) throws IOException {
        args.only("theme", "characterIds", "blocks", "language", "provider");
        String theme = args.text("theme", ScriptRequest.MAX_THEME_CHARS);
        List<String> cast = args.ids("characterIds", "character", JobSpec.MAX_CAST);
        int blocks = args.integer("blocks", 4, 1, Script.MAX_BLOCKS);
        String language = args.oneOf("language", "en", LANGUAGES);
        String provider = args.oneOf("provider", "local", Set.copyOf(Provider.names()));
        VideoRow v = app.videos()
                .plan(caller.userId(), new VideoService.NewVideo(theme, cast, blocks, language, provider, null));
        Script script = app.videos().script(v);
        var prices = app.prices().of(script.blocks().size());
        Map<String, Object> scriptJson =
                Tool.JSON.convertValue(Tool.JSON.readTree(ScriptJson.toJson(script)), Map.class);
        return new Tool.Output(
                Views.object(
                        "video",
                        video(caller, v),
                        "script",
                        scriptJson,
                        "prices",
                        Views.prices(prices),
                        "budget",
                        ViewFields.account(app.budgets().account(caller.userId()))),
                "Planned \"" + script.title() + "\" (" + script.blocks().size() + " blocks), video " + v.id() + ": "
                        + summary(prices) + "; your budget has " + remaining(caller)
                        + " left. Nothing is filmed until make_video.");
    }

    private Tool.Output make(Caller caller, Args args, Tool.Call call) throws Exception {
        args.only("videoId", "maxSpendUsd", "follow", "timeoutSeconds");
        VideoRow v = app.videos().find(caller.userId(), args.id("videoId", "video"));
        BigDecimal limit = args.usd("maxSpendUsd", MAX_USD);
        boolean follow = args.flag("follow", false);
        Duration timeout = Duration.ofSeconds(args.integer("timeoutSeconds", 900, 1, 3600));
        if (v.status() != VideoStatus.DRAFT) {
            throw Refusal.conflict("video " + v.id() + " is " + v.status().wire()
                    + ", not a draft: use regenerate_video to make it again");
        }
        limitSpend(v, limit);
        v = app.videos().start(caller.userId(), v.id());
        return follow(
                caller,
                v,
                call,
                follow,
                timeout,
                "Started video " + v.id() + " with a spending limit of $" + limit.toPlainString());
    }

    private Tool.Output regenerate(Caller caller, Args args, Tool.Call call) throws Exception {
        args.only("videoId", "fromBlock", "maxSpendUsd", "follow", "timeoutSeconds");
        VideoRow v = app.videos().find(caller.userId(), args.id("videoId", "video"));
        int from = args.integer("fromBlock", 0, 1, v.blocks());
        BigDecimal limit = args.usd("maxSpendUsd", MAX_USD);
        boolean follow = args.flag("follow", false);
        Duration timeout = Duration.ofSeconds(args.integer("timeoutSeconds", 900, 1, 3600));
        if (!v.status().finished())
            throw Refusal.conflict(
                    "video " + v.id() + " is " + v.status().wire() + ": cancel it or wait until it finishes");
        limitSpend(v, limit);
        v = app.videos().regenerate(caller.userId(), v.id(), from);
        return follow(caller, v, call, follow, timeout, "Making video " + v.id() + " again from block " + from);
    }

    /** The spending limit is the video's cap: what it spent so far plus the limit, checked atomically by the start. */
    private void limitSpend(VideoRow v, BigDecimal limit) {
        app.budgets().setCap(v.id(), app.budgets().spentOn(v.id()).add(limit));
    }

    private Tool.Output status(Caller caller, Args args, Tool.Call call) throws Exception {
        args.only("videoId", "follow", "timeoutSeconds");
        VideoRow v = app.videos().find(caller.userId(), args.id("videoId", "video"));
        boolean follow = args.flag("follow", false);
        Duration timeout = Duration.ofSeconds(args.integer("timeoutSeconds", 900, 1, 3600));
        return follow(caller, v, call, follow, timeout, "Video " + v.id());
    }

    private Tool.Output cancel(Caller caller, Args args, Tool.Call call) throws Exception {
        args.only("videoId");
        VideoRow v = app.videos().cancel(caller.userId(), args.id("videoId", "video"));
        return follow(caller, v, call, false, Duration.ZERO, "Cancelled video " + v.id());
    }

    private Tool.Output makeBatch(Caller caller, Args args, Tool.Call call) throws IOException {
        args.only("themes", "characterId", "blocks", "language", "provider", "budgetUsd");
        List<String> themes = args.texts("themes", Themes.MAX, ScriptRequest.MAX_THEME_CHARS);
        String characterId = args.id("characterId", "character");
        int blocks = args.integer("blocks", 4, 1, Script.MAX_BLOCKS);
        String language = args.oneOf("language", "en", LANGUAGES);
        String provider = args.oneOf("provider", "local", Set.copyOf(Provider.names()));
        BigDecimal budget = args.usd("budgetUsd", MAX_USD);
        var b = app.batches()
                .create(
                        caller.userId(),
                        new BatchService.NewBatch(themes, characterId, blocks, language, provider, budget));
        return new Tool.Output(
                Views.batch(app.batches().progress(b)),
                "Batch " + b.id() + ": " + themes.size() + " theme(s) under $" + budget.toPlainString()
                        + "; follow it with batch_status.");
    }

    private Tool.Output batchStatus(Caller caller, Args args, Tool.Call call) throws IOException {
        args.only("batchId");
        var p = app.batches().progress(app.batches().find(caller.userId(), args.id("batchId", "batch")));
        return new Tool.Output(
                Views.batch(p),
                "Batch " + p.batch().id() + ": " + p.status() + " " + p.counts() + ", $"
                        + p.spentUsd().toPlainString() + " spent.");
    }

    /** The video now, or (follow) once it finished, with its files as resource links. */
    private Tool.Output follow(Caller caller, VideoRow v, Tool.Call call, boolean follow, Duration timeout, String what)
            throws Exception {
        if (follow) v = Follow.until(app.videos(), caller, v.id(), call, timeout);
        var files = resources.files(caller, v);
        var steps = app.videos().steps(v);
        long done = steps.stream().filter(StepState::done).count();
        String text = what + ": " + v.status().wire() + ", " + done + " of " + steps.size() + " steps done"
                + (v.error() == null ? "" : "; " + v.error())
                + (files.isEmpty() ? "." : "; results: " + files.size() + " files (resources/read them).");
        return new Tool.Output(Views.video(v, steps, app.videos().money(v.id()), files), text, Resources.links(files));
    }

    private Map<String, Object> video(Caller caller, VideoRow v) throws IOException {
        return Views.video(v, app.videos().steps(v), app.videos().money(v.id()), resources.files(caller, v));
    }

    private String remaining(Caller caller) {
        BigDecimal r = app.budgets().account(caller.userId()).remainingUsd();
        return r == null ? "no limit" : "$" + r.toPlainString();
    }

    private static String summary(List<PlanPrices.BackEnd> prices) {
        return String.join(
                ", ",
                prices.stream()
                        .map(p -> p.usd() == null
                                ? p.provider() + " unavailable"
                                : p.provider() + (p.backEnd() == null ? "" : " (" + p.backEnd() + ")") + " $"
                                        + p.usd().toPlainString())
                        .toList());
    }
}

package io.reelsmith.api;

import io.javalin.http.Context;
import io.reelsmith.app.BatchService;
import io.reelsmith.script.Script;
import io.reelsmith.storage.BlobStore;
import io.reelsmith.storage.Batches.BatchRow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The HTTP face of {@link BatchService}: create a batch, follow it, download its finished videos as one ZIP. */
final class BatchApi {
    record CreateBatch(List<String> themes, String characterId, Integer blocks, String language, String provider, BigDecimal budgetUsd) { }

    private final BatchService service;
    private final BlobStore blobs;

    BatchApi(BatchService service, BlobStore blobs) {
        this.service = service;
        this.blobs = blobs;
    }

    /** Checks everything first: a refused batch writes nothing. */
    void create(Context ctx, String userId) throws IOException {
        CreateBatch req = Json.body(ctx, CreateBatch.class);
        int blocks = Check.range("blocks", req.blocks(), VideoApi.DEFAULT_BLOCKS, 1, Script.MAX_BLOCKS);
        String language = Check.oneOf("language", req.language(), "en", VideoApi.LANGUAGES);
        String provider = Check.text("provider", req.provider() == null ? "local" : req.provider(), 32);
        if (req.characterId() == null) throw ApiError.badRequest("invalid_field", "characterId is required");
        String characterId = Check.id("character", req.characterId());
        // The themes and the budget are checked by the service (the CLI shares its rules); 400 before anything is written.
        BatchRow b = service.create(userId, new BatchService.NewBatch(req.themes(), characterId, blocks, language, provider, req.budgetUsd()));
        Json.respond(ctx, 201, view(service.progress(b)));
    }

    void list(Context ctx, String userId) throws IOException {
        Paging p = Paging.of(ctx);
        var page = service.list(userId, p.limit(), p.offset());
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (BatchRow b : page.items()) {
            Map<String, Object> m = view(service.progress(b));
            m.remove("videos");
            items.add(m);
        }
        Json.respond(ctx, 200, Map.of("items", items, "total", page.total(), "limit", page.limit(), "offset", page.offset()));
    }

    void get(Context ctx, String userId) throws IOException {
        Json.respond(ctx, 200, view(service.progress(find(ctx, userId))));
    }

    /** A ZIP of every finished final.mp4, streamed from the blob store as it is read (stored, not compressed: MP4 is). */
    void files(Context ctx, String userId) throws IOException {
        BatchRow b = find(ctx, userId);
        var finals = service.finalFiles(b);
        if (finals.isEmpty()) throw ApiError.notFound("finished video in this batch (none is finished yet)");
        ctx.status(200).contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"batch-" + b.id() + ".zip\"");
        try (OutputStream body = ctx.outputStream(); ZipOutputStream zip = new ZipOutputStream(body)) {
            zip.setLevel(Deflater.NO_COMPRESSION);
            for (BatchService.FinalFile f : finals) {
                zip.putNextEntry(new ZipEntry(f.name()));
                try (InputStream in = blobs.open(f.blobKey())) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    private BatchRow find(Context ctx, String userId) {
        return service.find(userId, Check.id("batch", ctx.pathParam("id")));
    }

    private static Map<String, Object> view(BatchService.Progress p) {
        BatchRow b = p.batch();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("status", p.status());
        m.put("characterId", b.characterId());
        m.put("provider", b.provider());
        m.put("blocks", b.blocks());
        m.put("language", b.language());
        m.put("budgetUsd", b.budgetUsd());
        m.put("spentUsd", p.spentUsd());
        m.put("reservedUsd", p.reservedUsd());
        m.put("remainingUsd", p.remainingUsd());
        m.put("counts", p.counts());
        m.put("filesUrl", Routes.V1 + "/batches/" + b.id() + "/files");
        m.put("createdAt", b.createdAt());
        m.put("videos", p.videos().stream().map(BatchApi::video).toList());
        return m;
    }

    private static Map<String, Object> video(BatchService.VideoProgress v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("position", v.position());
        m.put("id", v.videoId());
        m.put("theme", v.theme());
        m.put("status", v.status());
        m.put("reason", v.reason());
        m.put("message", v.message());
        m.put("reservedUsd", v.reservedUsd());
        m.put("spentUsd", v.spentUsd());
        m.put("finished", v.finished());
        m.put("fileUrl", v.hasFinalVideo() ? Routes.V1 + "/videos/" + v.videoId() + "/files/final.mp4" : null);
        return m;
    }
}

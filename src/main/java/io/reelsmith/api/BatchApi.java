package io.reelsmith.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.http.Context;
import io.reelsmith.app.batch.BatchService;
import io.reelsmith.app.batch.BatchStore.BatchRow;
import io.reelsmith.app.files.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The HTTP face of {@link BatchService}: create a batch, follow it, download its finished videos as one ZIP. */
record BatchApi(BatchService service, BlobStore blobs) {
    record CreateBatch(
            List<String> themes,
            String characterId,
            Integer blocks,
            String language,
            String provider,
            BigDecimal budgetUsd) {}

    /** Checks everything first: a refused batch writes nothing. */
    void create(Context ctx, String userId) throws IOException {
        CreateBatch req = Json.body(ctx, CreateBatch.class);
        VideoApi.Settings v = VideoApi.Settings.check(req.blocks(), req.language(), req.provider());
        String characterId = VideoApi.Settings.characterId(req.characterId(), "characterId is required");
        // The themes and the budget are checked by the service (the CLI shares its rules); 400 before anything is
        // written.
        BatchRow b = service.create(
                userId,
                new BatchService.NewBatch(
                        req.themes(), characterId, v.blocks(), v.language(), v.provider(), req.budgetUsd()));
        Json.respond(ctx, 201, view(service.progress(b), true));
    }

    void list(Context ctx, String userId) throws IOException {
        Paging p = Paging.of(ctx);
        var page = service.list(userId, p.limit(), p.offset());
        List<BatchView> items = new ArrayList<>();
        for (BatchRow b : page.items()) items.add(view(service.progress(b), false));
        Paging.respond(ctx, page, items);
    }

    void get(Context ctx, String userId) throws IOException {
        Json.respond(ctx, 200, view(service.progress(find(ctx, userId)), true));
    }

    /** A ZIP of every finished final.mp4, streamed from the blob store as it is read (stored, not compressed: MP4 is). */
    void files(Context ctx, String userId) throws IOException {
        BatchRow b = find(ctx, userId);
        var finals = service.finalFiles(b);
        if (finals.isEmpty()) throw ApiError.notFound("finished video in this batch (none is finished yet)");
        ctx.status(200).contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"batch-" + b.id() + ".zip\"");
        try (OutputStream body = ctx.outputStream();
                ZipOutputStream zip = new ZipOutputStream(body)) {
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

    /** A batch as the API shows it; {@code videos} is left out of lists. */
    @JsonInclude(value = JsonInclude.Include.NON_NULL, content = JsonInclude.Include.ALWAYS)
    record BatchView(
            String id,
            String status,
            String characterId,
            String provider,
            int blocks,
            String language,
            BigDecimal budgetUsd,
            BigDecimal spentUsd,
            BigDecimal reservedUsd,
            BigDecimal remainingUsd,
            Map<String, Integer> counts,
            String filesUrl,
            Instant createdAt,
            List<VideoView> videos) {}

    /**
     * One theme's video: the app's {@link BatchService.VideoProgress} (named for the API by {@link ProgressNames}),
     * then {@code fileUrl}, its final.mp4 once completed.
     */
    record VideoView(@JsonUnwrapped BatchService.VideoProgress progress, String fileUrl) {}

    /** The API's names for the progress fields, registered once on {@link Json#MAPPER}: the video's id is "id". */
    abstract static class ProgressNames {
        @JsonProperty("id")
        abstract String videoId();

        @JsonIgnore
        abstract boolean hasFinalVideo();
    }

    private static BatchView view(BatchService.Progress p, boolean withVideos) {
        BatchRow b = p.batch();
        List<VideoView> videos = !withVideos
                ? null
                : p.videos().stream()
                        .map(v -> new VideoView(
                                v,
                                v.hasFinalVideo() ? Routes.V1 + "/videos/" + v.videoId() + "/files/final.mp4" : null))
                        .toList();
        return new BatchView(
                b.id(),
                p.status(),
                b.characterId(),
                b.provider(),
                b.blocks(),
                b.language(),
                b.budgetUsd(),
                p.spentUsd(),
                p.reservedUsd(),
                p.remainingUsd(),
                p.counts(),
                Routes.V1 + "/batches/" + b.id() + "/files",
                b.createdAt(),
                videos);
    }
}

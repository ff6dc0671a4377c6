package io.reelsmith.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.BlobResourceContents;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.ResourceContents;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.reelsmith.app.Refusal;
import io.reelsmith.app.files.VideoFiles;
import io.reelsmith.app.video.VideoRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video's results and a character's image as MCP resources, read through {@code resources/read} with their MIME
 * types: text files (subtitles, the script) as text, the MP4, the cover and the image as base64 blobs. A file above
 * {@code inlineLimit} bytes is answered, over HTTP, with its download link on the REST API instead (the same bearer
 * token reads it, with HTTP Range); over stdio, which has no such link, the limit is higher. Another user's id reads
 * as not found, like an id that does not exist.
 */
final class Resources {
    private static final Logger LOG = LoggerFactory.getLogger(Resources.class);
    static final String VIDEO_TEMPLATE = "reelsmith://videos/{videoId}/{file}",
            CHARACTER_TEMPLATE = "reelsmith://characters/{characterId}/image.png";
    /** The deliverables an agent reads: the video, its cover, the three subtitle formats and the script. */
    static final List<String> FILES =
            List.of("final.mp4", "cover.jpg", "subtitles.srt", "subtitles.vtt", "subtitles.ass", "script.json");

    private static final Pattern VIDEO_URI = Pattern.compile("reelsmith://videos/([^/]+)/([^/]+)");
    private static final Pattern CHARACTER_URI = Pattern.compile("reelsmith://characters/([^/]+)/image\\.png");

    private final Services app;
    private final Function<McpSyncServerExchange, Caller> callers;
    private final long inlineLimit;

    Resources(Services app, Function<McpSyncServerExchange, Caller> callers, long inlineLimit) {
        this.app = app;
        this.callers = callers;
        this.inlineLimit = inlineLimit;
    }

    static String videoFile(String videoId, String name) {
        return "reelsmith://videos/" + videoId + "/" + name;
    }

    static String characterImage(String characterId) {
        return "reelsmith://characters/" + characterId + "/image.png";
    }

    static String mimeType(String name) {
        return VideoFiles.contentType(name).replaceAll(";.*", "");
    }

    /** The video's files that exist so far, each {name, uri, mimeType, size, downloadUrl}. */
    List<Map<String, Object>> files(Caller caller, VideoRow v) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : FILES) {
            var size = app.files().size(v.ownerId(), v.id(), name);
            if (size.isEmpty()) continue;
            out.add(Views.object(
                    "name",
                    name,
                    "uri",
                    videoFile(v.id(), name),
                    "mimeType",
                    mimeType(name),
                    "size",
                    size.get(),
                    "downloadUrl",
                    downloadUrl(caller, v.id(), name)));
        }
        return out;
    }

    static List<McpSchema.ResourceLink> links(List<Map<String, Object>> files) {
        return files.stream()
                .map(f -> McpSchema.ResourceLink.builder()
                        .name((String) f.get("name"))
                        .uri((String) f.get("uri"))
                        .mimeType((String) f.get("mimeType"))
                        .size((Long) f.get("size"))
                        .build())
                .toList();
    }

    private static String downloadUrl(Caller caller, String videoId, String name) {
        return caller.baseUrl() == null ? null : caller.baseUrl() + "/api/v1/videos/" + videoId + "/files/" + name;
    }

    List<SyncResourceTemplateSpecification> templates() {
        var video = McpSchema.ResourceTemplate.builder(VIDEO_TEMPLATE, "video-file")
                .title("A video's result")
                .description("file is one of " + String.join(", ", FILES)
                        + " (video/mp4, image/jpeg, application/x-subrip, text/vtt, "
                        + "text/x-ssa, application/json); the make and status tools list a finished video's files")
                .build();
        var character = McpSchema.ResourceTemplate.builder(CHARACTER_TEMPLATE, "character-image")
                .title("A character's reference image")
                .description("The PNG a character was drawn or uploaded as")
                .mimeType("image/png")
                .build();
        return List.of(
                new SyncResourceTemplateSpecification(video, (ex, req) -> read(ex, req.uri())),
                new SyncResourceTemplateSpecification(character, (ex, req) -> read(ex, req.uri())));
    }

    private ReadResourceResult read(McpSyncServerExchange exchange, String uri) {
        Caller caller = callers.apply(exchange);
        try {
            Matcher m = VIDEO_URI.matcher(uri);
            if (m.matches() && FILES.contains(m.group(2)))
                return new ReadResourceResult(List.of(videoFile(caller, uri, m.group(1), m.group(2))));
            Matcher c = CHARACTER_URI.matcher(uri);
            if (c.matches()) {
                byte[] png = app.characters().image(caller.userId(), c.group(1));
                return new ReadResourceResult(List.of(contents(uri, "image/png", png)));
            }
        } catch (Refusal e) {
            throw notFound(uri); // another user's id or a missing one: the same answer, so ids do not leak
        } catch (IllegalArgumentException e) {
            throw notFound(uri); // not a well-formed id
        } catch (IOException e) {
            LOG.error("reading {} failed", uri, e);
            throw new UncheckedIOException(e);
        }
        throw notFound(uri);
    }

    private ResourceContents videoFile(Caller caller, String uri, String videoId, String name) throws IOException {
        VideoRow v = app.videos().find(caller.userId(), videoId);
        long size = app.files().size(v.ownerId(), v.id(), name).orElseThrow(() -> notFound(uri));
        String type = mimeType(name);
        if (size > inlineLimit) {
            String link = downloadUrl(caller, v.id(), name);
            if (link == null)
                throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                        .message(name + " is " + size + " bytes, above the " + inlineLimit
                                + " bytes this server sends inline")
                        .data(Map.of("uri", uri))
                        .build();
            // too large to inline: where to download it, with the same bearer token (HTTP Range supported)
            return new TextResourceContents(uri, "text/uri-list", link, Map.of("mimeType", type, "size", size));
        }
        return contents(uri, type, app.files().read(v.ownerId(), v.id(), name).orElseThrow(() -> notFound(uri)));
    }

    /** A file's contents as resources/read sends them: text types as text, the others as a base64 blob. */
    static ResourceContents contents(String uri, String mimeType, byte[] bytes) {
        if (mimeType.startsWith("text/")
                || mimeType.equals("application/json")
                || mimeType.equals("application/x-subrip")) {
            return new TextResourceContents(uri, mimeType, new String(bytes, StandardCharsets.UTF_8));
        }
        return new BlobResourceContents(uri, mimeType, Base64.getEncoder().encodeToString(bytes));
    }

    private static McpError notFound(String uri) {
        return McpError.RESOURCE_NOT_FOUND.apply(uri);
    }
}

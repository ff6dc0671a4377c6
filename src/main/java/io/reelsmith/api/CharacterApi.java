package io.reelsmith.api;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.character.ImageCheck;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.storage.BlobStore;
import io.reelsmith.storage.CharacterRow;
import io.reelsmith.storage.Characters;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The user's character library: generate, upload, list, get, delete, image. */
final class CharacterApi {
    record CreateCharacter(String name, String description, String style) { }

    private final Characters characters;
    private final BlobStore blobs;
    private final Function<String, Stages> providers;
    private final String provider;
    private final long uploadMaxBytes;

    CharacterApi(Characters characters, BlobStore blobs, Function<String, Stages> providers, String provider, long uploadMaxBytes) {
        this.characters = characters;
        this.blobs = blobs;
        this.providers = providers;
        this.provider = provider;
        this.uploadMaxBytes = uploadMaxBytes;
    }

    void create(Context ctx, String userId) throws IOException {
        CreateCharacter req = Json.body(ctx, CreateCharacter.class);
        CharacterProfile profile = profile(req.name(), req.description(), req.style());
        byte[] png = providers.apply(provider).characters().create(profile);
        Json.respond(ctx, 201, view(save(userId, profile, "generated", png(png, "the generated image"))));
    }

    void upload(Context ctx, String userId) throws IOException {
        // Refuse by the declared length before reading anything; the multipart limits catch a lying client.
        if (ctx.contentLength() > uploadMaxBytes + 64 * 1024) throw tooLarge();
        if (!ctx.isMultipartFormData()) throw ApiError.badRequest("invalid_body", "send multipart/form-data with fields name, description and image");
        UploadedFile image = ctx.uploadedFile("image");
        if (image == null) throw ApiError.badRequest("invalid_field", "image is required (a PNG, JPEG or WebP file)");
        if (image.size() > uploadMaxBytes) throw tooLarge();
        CharacterProfile profile = profile(ctx.formParam("name"), ctx.formParam("description"), ctx.formParam("style"));
        byte[] bytes;
        try (InputStream in = image.content()) {
            bytes = in.readNBytes((int) uploadMaxBytes + 1);
        }
        if (bytes.length > uploadMaxBytes) throw tooLarge();
        Json.respond(ctx, 201, view(save(userId, profile, "upload", png(bytes, displayName(image.filename())))));
    }

    void list(Context ctx, String userId) {
        Paging p = Paging.of(ctx);
        var page = characters.list(userId, p.limit(), p.offset());
        Json.respond(ctx, 200, Map.of("items", page.items().stream().map(CharacterApi::view).toList(), "total", page.total(),
                "limit", page.limit(), "offset", page.offset()));
    }

    void get(Context ctx, String userId) {
        Json.respond(ctx, 200, view(find(ctx, userId)));
    }

    void delete(Context ctx, String userId) throws IOException {
        CharacterRow c = find(ctx, userId);
        if (characters.delete(userId, c.id())) blobs.delete(c.imageKey());
        ctx.status(204);
    }

    void image(Context ctx, String userId) throws IOException {
        CharacterRow c = find(ctx, userId);
        var blob = blobs.find(c.imageKey()).orElseThrow(() -> ApiError.notFound("character image"));
        ctx.header("Cache-Control", "private, max-age=3600");
        ctx.writeSeekableStream(blobs.open(blob.key()), blob.contentType(), blob.size());
    }

    /** The owner's character named by the {id} path parameter, or 404. */
    CharacterRow find(Context ctx, String userId) {
        String id = Check.id("character", ctx.pathParam("id"));
        return characters.find(userId, id).orElseThrow(() -> ApiError.notFound("character"));
    }

    private CharacterRow save(String userId, CharacterProfile p, String source, byte[] png) throws IOException {
        var blob = blobs.put("characters", png, "image/png");
        try {
            return characters.create(userId, p.name(), p.description(), p.style(), source, blob.key());
        } catch (RuntimeException e) {
            blobs.delete(blob.key()); // no orphan file when the row cannot be written
            throw e;
        }
    }

    /** PNG, JPEG or WebP by content, normalised to PNG (ImageCheck); a refusal is a 400 that says why. */
    private static byte[] png(byte[] bytes, String name) throws IOException {
        try {
            return ImageCheck.toPng(bytes, name);
        } catch (ImageCheck.BadImageException e) {
            throw ApiError.badRequest("invalid_image", e.getMessage());
        }
    }

    /** The uploaded file's own name for messages: its last path segment, short, or a neutral word. */
    private static String displayName(String filename) {
        if (filename == null || filename.isBlank()) return "the image";
        String last = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1).strip();
        if (last.isEmpty() || last.codePoints().anyMatch(Character::isISOControl)) return "the image";
        return last.length() <= 80 ? last : last.substring(0, 80) + "…";
    }

    private static CharacterProfile profile(String name, String description, String style) {
        return new CharacterProfile(Check.text("name", name, CharacterProfile.MAX_NAME),
                Check.optionalText("description", description, CharacterProfile.MAX_DESCRIPTION),
                Check.optionalText("style", style, CharacterProfile.MAX_STYLE));
    }

    private ApiError tooLarge() {
        return new ApiError(413, "too_large", "the image is larger than the upload limit of " + uploadMaxBytes + " bytes");
    }

    static Map<String, Object> view(CharacterRow c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("description", c.description());
        m.put("style", c.style());
        m.put("source", c.source());
        m.put("imageUrl", "/api/v1/characters/" + c.id() + "/image");
        m.put("createdAt", c.createdAt());
        return m;
    }
}

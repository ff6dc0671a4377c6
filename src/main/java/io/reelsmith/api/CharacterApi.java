package io.reelsmith.api;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.reelsmith.app.ViewFields;
import io.reelsmith.app.character.CharacterLibrary;
import io.reelsmith.app.character.CharacterRow;
import io.reelsmith.app.character.CharacterStore;
import io.reelsmith.app.files.BlobStore;
import io.reelsmith.character.ImageCheck;
import io.reelsmith.kernel.CharacterProfile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The user's character library: generate, upload, list, get, delete, image. */
record CharacterApi(
        CharacterLibrary library, CharacterStore characters, BlobStore blobs, String provider, long uploadMaxBytes) {
    record CreateCharacter(String name, String description, String style) {}

    void create(Context ctx, String userId) throws IOException {
        CreateCharacter req = Json.body(ctx, CreateCharacter.class);
        CharacterProfile profile = profile(req.name(), req.description(), req.style());
        Json.respond(ctx, 201, view(checked(() -> library.generate(userId, profile, provider))));
    }

    void upload(Context ctx, String userId) throws IOException {
        // Refuse by the declared length before reading anything; the multipart limits catch a lying client.
        if (ctx.contentLength() > uploadMaxBytes + 64 * 1024) throw tooLarge();
        if (!ctx.isMultipartFormData())
            throw ApiError.badRequest(
                    "invalid_body", "send multipart/form-data with fields name, description and image");
        UploadedFile image = ctx.uploadedFile("image");
        if (image == null) throw ApiError.badRequest("invalid_field", "image is required (a PNG, JPEG or WebP file)");
        if (image.size() > uploadMaxBytes) throw tooLarge();
        CharacterProfile profile = profile(ctx.formParam("name"), ctx.formParam("description"), ctx.formParam("style"));
        byte[] bytes;
        try (InputStream in = image.content()) {
            bytes = in.readNBytes((int) uploadMaxBytes + 1);
        }
        if (bytes.length > uploadMaxBytes) throw tooLarge();
        String name = displayName(image.filename());
        Json.respond(ctx, 201, view(checked(() -> library.upload(userId, profile, bytes, name))));
    }

    void list(Context ctx, String userId) {
        Paging p = Paging.of(ctx);
        Paging.respond(ctx, characters.list(userId, p.limit(), p.offset()), CharacterApi::view);
    }

    void get(Context ctx, String userId) {
        Json.respond(ctx, 200, view(find(ctx, userId)));
    }

    void delete(Context ctx, String userId) throws IOException {
        library.delete(userId, find(ctx, userId).id());
        ctx.status(204);
    }

    void image(Context ctx, String userId) throws IOException {
        CharacterRow c = find(ctx, userId);
        var blob = blobs.find(c.imageKey()).orElseThrow(() -> ApiError.notFound("character image"));
        ctx.header("Cache-Control", "private, max-age=3600");
        FileResponse.send(ctx, offset -> blobs.open(blob.key(), offset), blob.contentType(), blob.size());
    }

    /** The owner's character named by the {id} path parameter, or 404. */
    CharacterRow find(Context ctx, String userId) {
        return library.find(userId, Check.id("character", ctx.pathParam("id")));
    }

    interface ImageStep {
        CharacterRow run() throws IOException;
    }

    /** PNG, JPEG or WebP by content, normalised to PNG (ImageCheck); a refusal is a 400 that says why. */
    private static CharacterRow checked(ImageStep step) throws IOException {
        try {
            return step.run();
        } catch (ImageCheck.BadImageException e) {
            throw ApiError.badRequest("invalid_image", e.getMessage());
        }
    }

    /** The uploaded file's own name for messages: its last path segment, short, or a neutral word. */
    private static String displayName(String filename) {
        if (filename == null || filename.isBlank()) return "the image";
        String last = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1)
                .strip();
        if (last.isEmpty() || last.codePoints().anyMatch(Character::isISOControl)) return "the image";
        return last.length() <= 80 ? last : last.substring(0, 80) + "…";
    }

    private static CharacterProfile profile(String name, String description, String style) {
        return new CharacterProfile(
                Check.text("name", name, CharacterProfile.MAX_NAME),
                Check.optionalText("description", description, CharacterProfile.MAX_DESCRIPTION),
                Check.optionalText("style", style, CharacterProfile.MAX_STYLE));
    }

    private ApiError tooLarge() {
        return new ApiError(
                413, "too_large", "the image is larger than the upload limit of " + uploadMaxBytes + " bytes");
    }

    static Map<String, Object> view(CharacterRow c) {
        Map<String, Object> view = ViewFields.character(c, "imageUrl", "/api/v1/characters/" + c.id() + "/image");
        view.put("createdAt", c.createdAt());
        return view;
    }
}

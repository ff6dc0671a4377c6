package io.reelsmith.app.character;

import io.reelsmith.app.Page;
import io.reelsmith.app.Refusal;
import io.reelsmith.app.files.BlobStore;
import io.reelsmith.character.ImageCheck;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.pipeline.Stages;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * A user's recurring characters: drawn once by a provider's image model, or uploaded. Every image is checked by
 * its content and stored as PNG in the blob store, so a video can copy it later whatever machine runs it.
 */
public final class CharacterLibrary {
    private final CharacterStore characters;
    private final BlobStore blobs;
    private final Function<String, Stages> providers;

    public CharacterLibrary(CharacterStore characters, BlobStore blobs, Function<String, Stages> providers) {
        this.characters = characters;
        this.blobs = blobs;
        this.providers = providers;
    }

    /** Draws the character's reference image with {@code provider}'s image model. */
    public CharacterRow generate(String userId, CharacterProfile profile, String provider) throws IOException {
        byte[] image = providers.apply(provider).characters().create(profile);
        return save(userId, profile, "generated", ImageCheck.toPng(image, "the generated image"));
    }

    /** Keeps the user's own image; {@link ImageCheck.BadImageException} says why one is refused. */
    public CharacterRow upload(String userId, CharacterProfile profile, byte[] image, String displayName)
            throws IOException {
        return save(userId, profile, "upload", ImageCheck.toPng(image, displayName));
    }

    public CharacterRow find(String userId, String id) {
        return characters.find(userId, id).orElseThrow(() -> Refusal.notFound("character"));
    }

    /** One page of the user's characters, newest first. */
    public Page<CharacterRow> list(String userId, int limit, int offset) {
        return characters.list(userId, limit, offset);
    }

    /** The character's reference image (PNG). */
    public byte[] image(String userId, String id) throws IOException {
        try (InputStream in = blobs.open(find(userId, id).imageKey())) {
            return in.readAllBytes();
        }
    }

    public void delete(String userId, String id) throws IOException {
        CharacterRow c = find(userId, id);
        if (characters.delete(userId, c.id())) blobs.delete(c.imageKey());
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
}

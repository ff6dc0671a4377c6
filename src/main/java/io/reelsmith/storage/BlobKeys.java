package io.reelsmith.storage;

import java.nio.file.NoSuchFileException;
import java.time.Year;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The key scheme shared by the object-store adapters, the same as {@link LocalBlobStore}'s:
 * {@code kind/yyyy/uuid.ext}. The store makes every key, so a key that does not have this shape was not
 * made by us and is refused before it reaches the bucket (no user text ever becomes an object name).
 */
public final class BlobKeys {
    private static final Pattern KEY = Pattern.compile("[a-z]{1,20}/[0-9]{4}/[0-9a-f-]{36}\\.[a-z0-9]{1,5}");
    private static final Pattern KIND = Pattern.compile("[a-z]{1,20}");
    private static final Map<String, String> EXTENSIONS = Map.of("image/png", "png", "image/jpeg", "jpg",
            "image/webp", "webp", "video/mp4", "mp4", "application/json", "json", "text/plain", "txt");

    private BlobKeys() { }

    public static String newKey(String kind, String contentType) {
        if (kind == null || !KIND.matcher(kind).matches()) throw new IllegalArgumentException("bad blob kind " + kind);
        return kind + "/" + Year.now() + "/" + UUID.randomUUID() + "." + EXTENSIONS.getOrDefault(contentType, "bin");
    }

    /** Returns the key if it is one of ours; otherwise the same error a missing blob gives. */
    public static String check(String key) throws NoSuchFileException {
        if (key == null || !KEY.matcher(key).matches()) throw new NoSuchFileException("not a blob key: " + key);
        return key;
    }

    /** A bucket prefix ("" or "team-a/reelsmith/"): no leading slash, one trailing slash. */
    public static String normalisePrefix(String prefix) {
        if (prefix == null) return "";
        String p = prefix.strip().replaceAll("^/+", "").replaceAll("/+$", "");
        return p.isEmpty() ? "" : p + "/";
    }
}

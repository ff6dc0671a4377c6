package io.reelsmith.app.files;

import java.nio.file.NoSuchFileException;
import java.time.Year;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The key schemes shared by every adapter. Uploads get {@code kind/yyyy/uuid.ext}, made by the store; a
 * video's files get {@code users/<user id>/videos/<video id>/<workspace path>} ({@link #videoFile}), made
 * from server-made UUIDs and the pipeline's fixed file names. A key of neither shape was not made by us and
 * is refused before it reaches the bucket or the disk (no user text ever becomes an object name).
 */
public final class BlobKeys {
    private static final Pattern KEY = Pattern.compile("[a-z]{1,20}/[0-9]{4}/[0-9a-f-]{36}\\.[a-z0-9]{1,5}");
    private static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern VIDEO_PREFIX = Pattern.compile("users/" + UUID_TEXT + "/videos/" + UUID_TEXT + "/");
    /** Up to three directories (".reelsmith/blocks/") then a file name; no segment can be "." or "..". */
    private static final Pattern WORKSPACE_PATH =
            Pattern.compile("(\\.?[a-z0-9][a-z0-9_-]{0,63}/){0,3}[a-z0-9][a-z0-9_.-]{0,99}");

    private static final Pattern KIND = Pattern.compile("[a-z]{1,20}");
    private static final Map<String, String> EXTENSIONS = Map.of(
            "image/png",
            "png",
            "image/jpeg",
            "jpg",
            "image/webp",
            "webp",
            "video/mp4",
            "mp4",
            "application/json",
            "json",
            "text/plain",
            "txt");

    private BlobKeys() {}

    public static String newKey(String kind, String contentType) {
        if (kind == null || !KIND.matcher(kind).matches()) throw new IllegalArgumentException("bad blob kind " + kind);
        return kind + "/" + Year.now() + "/" + UUID.randomUUID() + "." + EXTENSIONS.getOrDefault(contentType, "bin");
    }

    /** Returns the key if it is one of ours; otherwise the same error a missing blob gives. */
    public static String check(String key) throws NoSuchFileException {
        if (key == null || !(KEY.matcher(key).matches() || isVideoFile(key)))
            throw new NoSuchFileException("not a blob key: " + key);
        return key;
    }

    /** Where one video's files live: {@code users/<user id>/videos/<video id>/}. */
    public static String videoPrefix(String userId, String videoId) {
        String prefix = "users/" + userId + "/videos/" + videoId + "/";
        if (!VIDEO_PREFIX.matcher(prefix).matches())
            throw new IllegalArgumentException("not a user and video id: " + userId + ", " + videoId);
        return prefix;
    }

    /** The key of a file of a video's workspace, {@code path} relative to it with '/' ("final.mp4", ".reelsmith/take.mp4"). */
    public static String videoFile(String userId, String videoId, String path) {
        if (path == null || !WORKSPACE_PATH.matcher(path).matches())
            throw new IllegalArgumentException("not a workspace file name: " + path);
        return videoPrefix(userId, videoId) + path;
    }

    /** Returns the prefix if it is one {@link #videoPrefix} makes; listing and deleting by prefix take no other. */
    public static String checkPrefix(String prefix) throws NoSuchFileException {
        if (prefix == null || !VIDEO_PREFIX.matcher(prefix).matches())
            throw new NoSuchFileException("not a blob prefix: " + prefix);
        return prefix;
    }

    private static boolean isVideoFile(String key) {
        int cut = key.startsWith("users/") ? "users/".length() + 36 + "/videos/".length() + 37 : -1;
        return cut > 0
                && key.length() > cut
                && VIDEO_PREFIX.matcher(key.substring(0, cut)).matches()
                && WORKSPACE_PATH.matcher(key.substring(cut)).matches();
    }

    /** A bucket prefix ("" or "team-a/reelsmith/"): no leading slash, one trailing slash. */
    public static String normalisePrefix(String prefix) {
        if (prefix == null) return "";
        String p = prefix.strip().replaceAll("^/+", "").replaceAll("/+$", "");
        return p.isEmpty() ? "" : p + "/";
    }
}

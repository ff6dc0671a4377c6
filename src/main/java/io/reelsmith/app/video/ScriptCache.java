package io.reelsmith.app.video;

import io.reelsmith.script.Script;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scripts already read, by video id (the 2,000 read last). A script changes only while its video is a draft, and
 * every change moves the video's {@code updated_at}: a script read at that version is still the stored one (the
 * video's JSON is polled).
 */
public final class ScriptCache {
    private record ReadScript(Instant version, Script script) {}

    private final Map<String, ReadScript> scripts = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReadScript> eldest) {
            return size() > 2000;
        }
    });

    /** The script read at {@code v}'s present version, or null. */
    Script get(VideoRow v) {
        ReadScript known = scripts.get(v.id());
        return known != null && known.version().equals(v.updatedAt()) ? known.script() : null;
    }

    void put(VideoRow v, Script script) {
        scripts.put(v.id(), new ReadScript(v.updatedAt(), script));
    }
}

package io.reelsmith.app.video;

import java.util.Locale;

/** A video's life: draft → queued → running → completed | failed | cancelled (then retry/regenerate → queued). */
public enum VideoStatus {
    DRAFT,
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}

package io.reelsmith.render;

import java.io.IOException;
import java.nio.file.Path;

/** Port: the render stage, from the take and its subtitles to the deliverable. Adapter: {@link FinalRenderer}. */
public interface Renderer {
    /** {@code ass} may be null for a render without subtitles. Writes {@code out} and its cover beside it. */
    void render(Path take, Path ass, Path out) throws IOException;
}

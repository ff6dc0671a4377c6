package io.reelsmith.script;

import java.io.IOException;

/**
 * Port: theme + character → a {@link Script}. Adapters: {@code OfflineScriptWriter} (templates, free) and
 * the Gemini writer of the google provider. An adapter returns a script that passes {@link Script#validated()}.
 */
public interface ScriptWriter {
    Script write(ScriptRequest request) throws IOException;
}

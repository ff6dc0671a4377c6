package io.reelsmith.cli;

import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.script.ScriptTextParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The script and language on {@code make}'s command line: a script to use instead of writing one, in which language. */
final class ScriptOptions {
    @Option(
            names = "--script",
            description = "Use this script (JSON, or the seed's **BLOCK 1 (Scenes 1-2):** text format).")
    Path scriptFile;

    @Option(names = "--lang", description = "en or fr (default: ${DEFAULT-VALUE}; a --script in French labels is fr).")
    String lang;

    /** The script given, in the language asked for; null without --script. */
    Script read() throws IOException {
        if (scriptFile == null) return null;
        if (!Files.isRegularFile(scriptFile))
            throw new IllegalArgumentException("script file not found: " + scriptFile);
        String language = asked(), text = Files.readString(scriptFile, StandardCharsets.UTF_8);
        Script s =
                text.stripLeading().startsWith("{") ? ScriptJson.parse(text) : ScriptTextParser.parse(text, language);
        return language == null || language.equals(s.language())
                ? s
                : new Script(s.title(), language, s.blocks()).validated();
    }

    /** The video's language: --lang, else the script's, else en. */
    String language(Script script) {
        String asked = asked();
        return asked != null ? asked : script != null ? script.language() : "en";
    }

    /** The script file's name, for the video's record; null without --script. */
    String fileName() {
        return scriptFile == null ? null : scriptFile.getFileName().toString();
    }

    private String asked() {
        return lang == null ? null : lang.toLowerCase(Locale.ROOT);
    }
}

package io.reelsmith.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelsmith.speech.Espeak;
import io.reelsmith.speech.Speech;
import io.reelsmith.speech.Voice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * espeak-ng speech made in a new JVM, for tests whose expectations hang on a few tens of milliseconds. The library's
 * synthesis state is global and carries over from one utterance to the next: in one process the same text and voice
 * came out up to 50 ms longer after another voice, another language or the very first call, so a test's audio
 * depended on which tests ran before it in the same JVM. A new process always starts from the same state.
 */
public final class FreshSpeech {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FreshSpeech() {}

    public static Speech speak(String text, Voice voice, Path wav) throws IOException, InterruptedException {
        Path json = wav.resolveSibling(wav.getFileName() + ".speech.json"),
                log = wav.resolveSibling(wav.getFileName() + ".speech.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        FreshSpeech.class.getName(),
                        voice.language(),
                        voice.variant(),
                        Integer.toString(voice.rate()),
                        Integer.toString(voice.pitch()),
                        wav.toString(),
                        json.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile()) // a file, not a pipe: the wait below stays bounded
                .start();
        child.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        child.getOutputStream().close();
        boolean ended = child.waitFor(60, TimeUnit.SECONDS);
        if (!ended) child.destroyForcibly();
        if (!ended || child.exitValue() != 0) {
            throw new IllegalStateException("the speech process failed: " + Files.readString(log));
        }
        return JSON.readValue(json.toFile(), Speech.class);
    }

    /** In the child: language variant rate pitch wav json, the text on standard input. */
    public static void main(String[] args) throws Exception {
        String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        Voice voice = new Voice(args[0], args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        Speech speech = Espeak.get().speak(text, voice, Path.of(args[4]));
        Files.writeString(Path.of(args[5]), JSON.writeValueAsString(speech));
    }
}

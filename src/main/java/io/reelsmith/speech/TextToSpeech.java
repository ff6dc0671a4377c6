package io.reelsmith.speech;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Port: speak a line of text into a WAV file and report when each word is heard.
 * Adapters: {@link Espeak} (espeak-ng library, every language it knows). To add one (festival, a neural
 * TTS), return the words with times relative to the start of the written WAV.
 */
public interface TextToSpeech {
    Speech speak(String text, Voice voice, Path wavOut) throws IOException;
}

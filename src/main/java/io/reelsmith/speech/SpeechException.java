package io.reelsmith.speech;

public class SpeechException extends RuntimeException {
    public SpeechException(String message) {
        super(message);
    }
}

package io.reelsmith.script;

/** A script that cannot be used, with a message a user can act on (it names the block or line). */
public class ScriptException extends RuntimeException {
    public ScriptException(String message) {
        super(message);
    }
}

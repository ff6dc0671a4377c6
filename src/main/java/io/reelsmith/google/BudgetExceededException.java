package io.reelsmith.google;

/** A job was refused before spending anything: its estimate is above a budget. The message holds both figures. */
public class BudgetExceededException extends RuntimeException {
    public BudgetExceededException(String message) {
        super(message);
    }
}

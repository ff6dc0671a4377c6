package io.reelsmith.kernel;

/**
 * Whether a call is billed. {@code UNCERTAIN}: the process stopped inside the one HTTP round trip of a submit, so
 * we cannot know whether Google accepted (and bills) it, or a call Google accepted was still running when the step
 * gave up waiting (a resumed run records it CHARGED under the same id); it is counted against budgets and shown to
 * the user.
 */
public enum SpendStatus {
    CHARGED,
    NOT_CHARGED,
    UNCERTAIN
}

package io.reelsmith.google;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How one video model films a take of n blocks on one surface, from the catalogue ({@link GoogleModels}: clip
 * lengths, frame rate, and the surface's {@link GoogleModels.Extension} rule). Block 1 is a new clip; each next block
 * extends the answer before it while Google extends that answer (the longest chain the rule allows: fewer restarts,
 * fewer visible cuts); otherwise the block <em>restarts</em>: a new clip from the previous clip's last frame, joined
 * on that shared frame, which shows once. An extension's answer is the input's kept tail followed by the new seconds;
 * the block's clip is the answer's last {@code seconds}. Billed per new second.
 */
public record ChainPlan(String model, Surface surface, int fps, GoogleModels.Extension rule, List<Call> calls) {
    public enum Kind {
        GENERATE,
        EXTEND,
        FIRST_FRAME
    }

    /**
     * Block {@code block} (from 0): a call of {@code kind} adding {@code seconds} (what is billed and what the block's
     * clip holds), in chain {@code chain}; {@code inputSeconds}: the answer it extends (0 for a new clip);
     * {@code answerSeconds}: the length of the video Google answers.
     */
    public record Call(int block, Kind kind, int seconds, int chain, double inputSeconds, double answerSeconds) {
        public boolean startsChain() {
            return kind != Kind.EXTEND;
        }
    }

    public ChainPlan {
        calls = List.copyOf(calls);
    }

    /** {@code blockSeconds}: each block's planned length (the script's 8 s, then 7 s). */
    public static ChainPlan of(List<Integer> blockSeconds, GoogleModels.Model m, Surface surface) {
        GoogleModels.Extension rule = m.extension(surface).orElse(null);
        int fps = m.limits().fps() == null ? 24 : m.limits().fps();
        List<Call> calls = new ArrayList<>();
        int chain = -1;
        double answer = 0;
        for (int b = 0; b < blockSeconds.size(); b++) {
            int s = blockSeconds.get(b);
            if (b > 0 && rule != null && rule.refusal(answer, s) == null) {
                double next = rule.answerSeconds(answer, s);
                calls.add(new Call(b, Kind.EXTEND, s, chain, answer, next));
                answer = next;
            } else {
                int clip = clip(m, s);
                chain++;
                calls.add(new Call(b, b == 0 ? Kind.GENERATE : Kind.FIRST_FRAME, clip, chain, 0, clip));
                answer = clip;
            }
        }
        return new ChainPlan(m.id(), surface, fps, rule, calls);
    }

    /** The shortest clip the model makes that holds {@code seconds} (Veo makes 4, 6 or 8 s: a 7 s block is an 8 s clip). */
    private static int clip(GoogleModels.Model m, int seconds) {
        return m.limits().clipSeconds().stream()
                .filter(c -> c >= seconds)
                .min(Integer::compare)
                .orElseThrow(() -> new IllegalArgumentException(m.id() + " makes clips of "
                        + GoogleModels.Extension.range(m.limits().clipSeconds()) + " s, not " + seconds + " s"));
    }

    public Call call(int block) {
        return calls.get(block);
    }

    public int chains() {
        return calls.isEmpty() ? 0 : calls.get(calls.size() - 1).chain() + 1;
    }

    /** New chains after the first: each one a visible restart from a last frame. */
    public int restarts() {
        return Math.max(0, chains() - 1);
    }

    public double billedSeconds() {
        return calls.stream().mapToDouble(Call::seconds).sum();
    }

    /** The joined take: every block's clip, minus the frame each restart shares with the clip before it. */
    public double takeSeconds() {
        return billedSeconds() - (double) restarts() / fps;
    }

    /** One line per kind of call, e.g. "15 extensions (+7 s each)", priced per second. */
    public List<CostEstimate.Line> costLines(BigDecimal usdPerSecond) {
        List<CostEstimate.Line> lines = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            List<Integer> seconds = calls.stream()
                    .filter(c -> c.kind() == kind)
                    .map(Call::seconds)
                    .toList();
            if (seconds.isEmpty()) continue;
            lines.add(new CostEstimate.Line(
                    label(kind, seconds),
                    model,
                    seconds.stream().mapToDouble(Integer::doubleValue).sum(),
                    "second",
                    usdPerSecond));
        }
        return lines;
    }

    /** The estimate's name for the calls of one kind, each adding {@code seconds}: "block 1 (8 s clip)", "15 extensions (+7 s each)". */
    public static String label(Kind kind, List<Integer> seconds) {
        int n = seconds.size(), first = seconds.get(0);
        boolean same = seconds.stream().allMatch(s -> s == first);
        String each = same ? first + " s" + (n == 1 ? "" : " each") : "";
        return switch (kind) {
            case GENERATE -> "block 1 (" + first + " s clip)";
            case EXTEND -> n + (n == 1 ? " extension" : " extensions") + (same ? " (+" + each + ")" : "");
            case FIRST_FRAME -> n + (n == 1 ? " restart" : " restarts") + (same ? " (" + each + ")" : "");
        };
    }

    /** For --dry-run and the estimate: calls, chains, restarts, billed seconds, and why a chain ends. */
    public String describe() {
        String why;
        if (rule == null)
            why = model + " does not extend videos on " + surface.label() + ": every block starts from a last frame";
        else if (rule.chainPastMaxAnswer())
            why = "a chain goes on for ever: each answer keeps the input's last "
                    + GoogleModels.Extension.fmt(rule.keptInputSeconds()) + " s";
        else
            why = "a chain ends at a " + GoogleModels.Extension.fmt(rule.maxAnswerSeconds()) + " s answer"
                    + (rule.maxInputSeconds() == null
                            ? ""
                            : " (Google extends inputs of up to " + GoogleModels.Extension.fmt(rule.maxInputSeconds())
                                    + " s)");
        return String.format(
                Locale.ROOT,
                "%s on %s: %d calls (%.0f s billed) in %d chain%s, %d restart%s from a last frame; %s",
                model,
                surface.label(),
                calls.size(),
                billedSeconds(),
                chains(),
                chains() == 1 ? "" : "s",
                restarts(),
                restarts() == 1 ? "" : "s",
                why);
    }

    /** Block by block, for --dry-run. */
    public List<String> steps() {
        List<String> out = new ArrayList<>();
        for (Call c : calls) {
            out.add(
                    switch (c.kind()) {
                        case GENERATE -> c.seconds() + " s clip, the cast as reference images (chain 1)";
                        case EXTEND ->
                            String.format(
                                    Locale.ROOT,
                                    "+%d s extension of the %s s answer before: Google answers %s s, the block keeps its last %d s (chain %d)",
                                    c.seconds(),
                                    GoogleModels.Extension.fmt(c.inputSeconds()),
                                    GoogleModels.Extension.fmt(c.answerSeconds()),
                                    c.seconds(),
                                    c.chain() + 1);
                        case FIRST_FRAME ->
                            String.format(
                                    Locale.ROOT,
                                    "restart: %d s clip from the last frame of block %d (chain %d)",
                                    c.seconds(),
                                    c.block(),
                                    c.chain() + 1);
                    });
        }
        return out;
    }
}

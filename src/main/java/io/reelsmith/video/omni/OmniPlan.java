package io.reelsmith.video.omni;

import io.reelsmith.script.Script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How Omni makes a take of n blocks: block 1 is a clip with the character as reference; each later block
 * continues the previous clip through {@code previous_interaction_id} while the chain stays within its limit
 * (40 s); past it, a new chain starts from the previous clip's last frame (image-to-video), and the two are
 * joined on that frame. Each block keeps the script's length (8 s, then 7 s). Billed per delivered second.
 * Assumed, not verified against the live API: a continuation delivers (and bills) only its new seconds, as its
 * 3–10 s duration suggests; were it to return the whole chain so far, {@link OmniMaker#assemble} would have to keep
 * only each chain's last clip.
 */
public record OmniPlan(OmniLimits limits, List<Call> calls) {
    public enum Kind { GENERATE, EXTEND, FIRST_FRAME }

    /** Block {@code block} (0-based) is one call of {@code kind} for {@code seconds}, in chain {@code chain}. */
    public record Call(int block, Kind kind, int seconds, int chain, double chainSeconds) { }

    public OmniPlan {
        calls = List.copyOf(calls);
    }

    public static OmniPlan of(int blocks, OmniLimits limits) {
        List<Call> calls = new ArrayList<>();
        int chain = 0;
        double inChain = 0;
        for (int i = 0; i < blocks; i++) {
            int s = (int) Script.plannedSeconds(i);
            if (s < limits.minClipSeconds() || s > limits.maxClipSeconds()) {
                throw new IllegalArgumentException(limits.model() + " makes clips of " + limits.minClipSeconds() + "-" + limits.maxClipSeconds() + " s, not " + s + " s");
            }
            Kind kind;
            if (i == 0) kind = Kind.GENERATE;
            else if (inChain + s <= limits.maxChainSeconds()) kind = Kind.EXTEND;
            else {
                kind = Kind.FIRST_FRAME;
                chain++;
                inChain = 0;
            }
            inChain += s;
            calls.add(new Call(i, kind, s, chain, inChain));
        }
        return new OmniPlan(limits, calls);
    }

    public Call call(int block) {
        return calls.get(block);
    }

    public double billedSeconds() {
        return calls.stream().mapToDouble(Call::seconds).sum();
    }

    public int chains() {
        return calls.isEmpty() ? 0 : calls.get(calls.size() - 1).chain() + 1;
    }

    /** For --dry-run: calls, chains and joins. */
    public String describe(String model) {
        long joins = calls.stream().filter(c -> c.kind() == Kind.FIRST_FRAME).count();
        return String.format(Locale.ROOT, "%s: %d calls (%d s billed) in %d chain%s of at most %.0f s; %d join%s on a shared frame",
                model, calls.size(), (int) billedSeconds(), chains(), chains() == 1 ? "" : "s", limits.maxChainSeconds(), joins, joins == 1 ? "" : "s");
    }
}

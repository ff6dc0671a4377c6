package io.reelsmith.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The address of the client a request came from, for throttling. {@code hops} is how many proxies of ours stand in
 * front ({@code reelsmith.http.forwarded.hops}): 0 takes the connection's address and ignores X-Forwarded-For (any
 * client can write that header); N takes the address the outermost of our N proxies saw, the N-th entry from the
 * right of X-Forwarded-For (entries further left were written by the client and are not trusted).
 */
final class ClientAddress {
    private static final int MAX_HEADER = 4096;

    private ClientAddress() {}

    static String of(Context ctx, int hops) {
        String remote = ctx.req().getRemoteAddr();
        if (hops <= 0) return remote;
        String xff = ctx.header("X-Forwarded-For");
        List<String> chain = new ArrayList<>();
        if (xff != null) {
            for (String a :
                    xff.substring(Math.max(0, xff.length() - MAX_HEADER)).split(","))
                if (!a.isBlank()) chain.add(a.strip());
        }
        chain.add(remote);
        return chain.get(Math.max(0, chain.size() - 1 - hops));
    }

    /** Whether the client reached us over TLS: the connection's own, or what our nearest proxy says it received. */
    static boolean secure(Context ctx, int hops) {
        if (ctx.req().isSecure()) return true;
        if (hops <= 0) return false;
        String proto = ctx.header("X-Forwarded-Proto");
        if (proto == null) return false;
        String[] all = proto.split(",");
        return all[all.length - 1].strip().equalsIgnoreCase("https");
    }
}

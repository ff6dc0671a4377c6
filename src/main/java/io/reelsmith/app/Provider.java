package io.reelsmith.app;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The providers a video can be made with; {@code ProviderRegistry} builds their stages. */
public enum Provider {
    LOCAL(false),
    GOOGLE(true);

    /** Costs money: plan, budget and approval come before its stages are built. */
    public final boolean paid;

    Provider(boolean paid) {
        this.paid = paid;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Provider::id).toList();
    }

    /** The provider a user named; unknown names fail with the list of known ones. */
    public static Provider named(String name) {
        for (Provider p : values()) if (p.id().equals(name)) return p;
        throw new IllegalArgumentException(
                "unknown provider '" + name + "' (known: " + String.join(", ", names()) + ")");
    }

    public static boolean isPaid(String name) {
        return named(name).paid;
    }
}

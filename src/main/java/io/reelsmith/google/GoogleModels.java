package io.reelsmith.google;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Google's model catalogue as data ({@code src/main/resources/google/models.json}, or an operator's copy named by
 * the setting {@code reelsmith.google.models} so an operator can follow a retirement without a rebuild): per model id its
 * surfaces, kind, lifecycle, limits and prices, with the date and source of those facts. The one place model
 * facts live: defaults per surface, refusals of retired ids, the price table and the emulator all read it.
 */
public record GoogleModels(String checked, Map<String, Map<String, String>> defaults, List<Model> models) {
    public static final String RESOURCE = "/google/models.json";

    public enum Kind {
        TEXT,
        IMAGE,
        VEO,
        OMNI,
        TRANSCRIBE
    }

    public enum Lifecycle {
        GA,
        PREVIEW,
        SHUTDOWN
    }

    /** {@code clipSeconds}: the lengths a new clip may have; {@code fps}: the frame rate of the video it makes. */
    public record Limits(
            List<Integer> clipSeconds,
            List<String> resolutions,
            List<String> aspectRatios,
            Integer maxReferenceImages,
            Integer fps,
            Boolean interpolation,
            Boolean sampling) {
        static final Limits NONE = new Limits(List.of(), List.of(), List.of(), 0, null, false, true);

        public Limits {
            clipSeconds = clipSeconds == null ? List.of() : List.copyOf(clipSeconds);
        }
    }

    /**
     * What an extension answers on one surface (each rule with its own source and date): it adds one of
     * {@code newSeconds} to an input of {@code minInputSeconds}..{@code maxInputSeconds} (null: no bound) and answers
     * one video, the input's last {@code keptInputSeconds} (null: all of it) followed by the new seconds, of at most
     * {@code maxAnswerSeconds}. {@code chainPastMaxAnswer}: an answer may be extended again however long the chain
     * already is (the answer then keeps only the input's tail). {@code inferred}: what the source does not say in so
     * many words, or null.
     */
    public record Extension(
            List<Integer> newSeconds,
            Double minInputSeconds,
            Double maxInputSeconds,
            Double keptInputSeconds,
            double maxAnswerSeconds,
            boolean chainPastMaxAnswer,
            String checked,
            String source,
            String inferred) {
        public Extension {
            newSeconds = newSeconds == null ? List.of() : List.copyOf(newSeconds);
        }

        /** How long the answer to extending {@code inputSeconds} by {@code seconds} is: the input's kept tail, then the new seconds. */
        public double answerSeconds(double inputSeconds, double seconds) {
            return (keptInputSeconds == null ? inputSeconds : Math.min(inputSeconds, keptInputSeconds)) + seconds;
        }

        /** Null when Google extends an input of {@code inputSeconds} by {@code seconds}, else why not (in a user's words). */
        public String refusal(double inputSeconds, double seconds) {
            if (!newSeconds.contains((int) Math.round(seconds)) || Math.abs(seconds - Math.rint(seconds)) > 1e-9) {
                return "an extension adds " + range(newSeconds) + " s, not " + fmt(seconds) + " s";
            }
            if (minInputSeconds != null && inputSeconds < minInputSeconds - 0.05)
                return "the video to extend must be at least " + fmt(minInputSeconds) + " s; it is " + fmt(inputSeconds)
                        + " s";
            if (maxInputSeconds != null && inputSeconds > maxInputSeconds + 0.5)
                return "the video to extend must be at most " + fmt(maxInputSeconds) + " s; it is " + fmt(inputSeconds)
                        + " s";
            if (answerSeconds(inputSeconds, seconds) > maxAnswerSeconds + 0.5) {
                return "extending a " + fmt(inputSeconds) + " s video by " + fmt(seconds) + " s would answer "
                        + fmt(answerSeconds(inputSeconds, seconds)) + " s; an answer is at most "
                        + fmt(maxAnswerSeconds) + " s";
            }
            return null;
        }

        /** The rule is consistent: a chain that may go on past the longest answer keeps a bounded tail of its input. */
        String problem() {
            if (newSeconds.isEmpty() || maxAnswerSeconds <= 0 || source == null || checked == null)
                return "an extend rule needs newSeconds, maxAnswerSeconds, source and checked";
            if (chainPastMaxAnswer
                    && (maxInputSeconds != null
                            || keptInputSeconds == null
                            || keptInputSeconds + newSeconds.get(newSeconds.size() - 1) > maxAnswerSeconds + 1e-9)) {
                return "an extend rule whose chain goes on past its longest answer must take any input and keep a tail short enough for it";
            }
            if (!chainPastMaxAnswer && maxInputSeconds == null && keptInputSeconds != null) {
                return "an extend rule that keeps only the input's tail and takes any input lets a chain go on: say chainPastMaxAnswer";
            }
            return null;
        }

        static String range(List<Integer> values) {
            return values.size() == 1
                    ? String.valueOf(values.get(0))
                    : values.get(0) + "-" + values.get(values.size() - 1);
        }

        static String fmt(double s) {
            return s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.2f", s);
        }
    }

    /** US dollars; absent when no source gave a figure. */
    public record Prices(
            Map<String, BigDecimal> perSecond,
            Boolean audioIncluded,
            BigDecimal perImage,
            BigDecimal perMillionInputTokens,
            BigDecimal perMillionOutputTokens,
            BigDecimal perAudioMinute) {
        static final Prices NONE = new Prices(Map.of(), true, null, null, null, null);
    }

    /**
     * A project's quota for a video model: calls running at once and submissions per minute (Google's figures depend on
     * the project and its tier; these are the defaults of {@code limits.VeoLimits}, overridden by configuration).
     */
    public record Quota(Integer concurrentRequests, Integer requestsPerMinute, String checked, String source) {}

    public record Model(
            String id,
            List<String> surfaces,
            String kind,
            String lifecycle,
            String shutdown,
            String replacement,
            String alternative,
            String note,
            Limits limits,
            Map<String, Extension> extend,
            Prices prices,
            String checked,
            String source,
            Quota quota) {
        public Model {
            surfaces = surfaces == null ? List.of() : List.copyOf(surfaces);
            limits = limits == null ? Limits.NONE : limits;
            extend = extend == null ? Map.of() : Map.copyOf(extend);
            prices = prices == null ? Prices.NONE : prices;
        }

        /** How this model extends a video on {@code s}; empty where it does not. */
        public Optional<Extension> extension(Surface s) {
            return Optional.ofNullable(extend.get(s.id));
        }

        public Kind kindEnum() {
            return Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        }

        public Lifecycle lifecycleEnum() {
            return Lifecycle.valueOf(lifecycle.toUpperCase(Locale.ROOT));
        }

        public boolean isShutdown() {
            return lifecycleEnum() == Lifecycle.SHUTDOWN;
        }

        public boolean servedOn(Surface s) {
            return surfaces.contains(s.id);
        }

        /** The one readable line for a retired id (before a call, or for Google's 404). */
        public String retiredMessage() {
            return id + " was shut down by Google on " + shutdown + "; use " + replacement
                    + (alternative == null ? "" : " (or " + alternative + ")")
                    + " instead — see `reelsmith models google`";
        }

        /** $/s at a resolution, falling back to the dearest listed; null when unpriced. */
        public BigDecimal perSecond(String resolution) {
            Map<String, BigDecimal> p = prices.perSecond() == null ? Map.of() : prices.perSecond();
            if (p.containsKey(resolution)) return p.get(resolution);
            return p.values().stream().max(BigDecimal::compareTo).orElse(null);
        }
    }

    private static final GoogleModels BUILT_IN = load(null);

    /** The catalogue shipped in the jar: what the emulator models, and the default of every configuration. */
    public static GoogleModels builtIn() {
        return BUILT_IN;
    }

    /** {@code file}: a catalogue file to use instead of the built-in one (null: built-in). */
    public static GoogleModels load(String file) {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try {
            GoogleModels c;
            if (file != null && !file.isBlank()) {
                c = json.readValue(Files.readAllBytes(Path.of(file)), GoogleModels.class);
            } else {
                try (InputStream in = GoogleModels.class.getResourceAsStream(RESOURCE)) {
                    if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the jar");
                    c = json.readValue(in, GoogleModels.class);
                }
            }
            return c.validated(file == null ? RESOURCE : file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the Google model catalogue " + (file == null ? RESOURCE : file) + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Every entry names its surfaces, kind, lifecycle and source; a shut-down one its date and replacement; defaults are current. */
    private GoogleModels validated(String where) {
        List<String> problems = new ArrayList<>();
        for (Model m : models) {
            try {
                m.kindEnum();
                m.lifecycleEnum();
                m.surfaces().forEach(Surface::of);
            } catch (RuntimeException e) {
                problems.add(m.id() + ": " + e.getMessage());
                continue;
            }
            if (m.surfaces().isEmpty() || m.source() == null || m.checked() == null)
                problems.add(m.id() + ": needs surfaces, source and checked");
            if (m.isShutdown() && (m.shutdown() == null || m.replacement() == null))
                problems.add(m.id() + ": shut down without a date or replacement");
            for (var e : m.extend().entrySet()) {
                String p = !m.surfaces().contains(e.getKey())
                        ? "an extend rule for " + e.getKey() + ", which does not serve it"
                        : e.getValue().problem();
                if (p != null) problems.add(m.id() + ": " + p);
            }
        }
        for (var s : defaults.entrySet()) {
            for (var k : s.getValue().entrySet()) {
                Optional<Model> m = find(k.getValue());
                if (m.isEmpty() || m.get().isShutdown() || !m.get().servedOn(Surface.of(s.getKey()))) {
                    problems.add("default " + s.getKey() + "/" + k.getKey() + " = " + k.getValue()
                            + " is not a current " + s.getKey() + " model");
                }
            }
        }
        if (!problems.isEmpty())
            throw new IllegalStateException(
                    "the Google model catalogue " + where + " is inconsistent: " + String.join("; ", problems));
        return this;
    }

    public Optional<Model> find(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The catalogue's default id of a kind on a surface (video: omni on an API key, veo on Vertex AI). */
    public String defaultFor(Surface surface, Kind kind) {
        String k = kind == Kind.VEO || kind == Kind.OMNI ? "video" : kind.name().toLowerCase(Locale.ROOT);
        String id = defaults.getOrDefault(surface.id, Map.of()).get(k);
        if (id == null)
            throw new IllegalStateException(
                    "the Google model catalogue has no default " + k + " model for " + surface.id);
        return id;
    }

    /**
     * The model a configuration names, checked before any call: a retired id fails with its date and replacement,
     * an unknown id, one of another kind or one the surface does not serve fails with a readable line.
     */
    public Model require(String id, Surface surface, Kind... kinds) throws RetiredModelException {
        Model m = find(id).orElseThrow(() -> new IllegalArgumentException("unknown Google model '" + id
                + "': the catalogue (`reelsmith models google`) does not list it; if Google released it, add it to a copy of "
                + RESOURCE + " named by REELSMITH_GOOGLE_MODELS"));
        if (m.isShutdown()) throw new RetiredModelException(m.retiredMessage());
        if (kinds.length > 0 && !List.of(kinds).contains(m.kindEnum())) {
            throw new IllegalArgumentException(id + " is a " + m.kind() + " model, not " + describe(kinds));
        }
        if (!m.servedOn(surface)) {
            throw new IllegalArgumentException(
                    id + " is not served on " + surface.label() + " (only on " + String.join(", ", m.surfaces()) + ")"
                            + (m.kindEnum() == Kind.VEO
                                    ? ": Veo needs Vertex AI (REELSMITH_GOOGLE_VERTEX=true with GOOGLE_CLOUD_PROJECT)"
                                    : ""));
        }
        return m;
    }

    private static String describe(Kind[] kinds) {
        List<String> names = new ArrayList<>();
        for (Kind k : kinds) names.add(k.name().toLowerCase(Locale.ROOT));
        return String.join(" or ", names);
    }

    /** A readable table of the catalogue, for {@code reelsmith models google}; {@code file}: the operator's copy it came from, or null. */
    public String describe(String file) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "Google models (checked %s; %s)%n",
                checked,
                file == null || file.isBlank()
                        ? "built in: src/main/resources" + RESOURCE
                        : "from REELSMITH_GOOGLE_MODELS=" + file));
        sb.append(String.format(
                Locale.ROOT,
                "%-30s %-10s %-18s %-9s %-12s %s%n",
                "id",
                "kind",
                "surfaces",
                "lifecycle",
                "shutdown",
                "price / replacement"));
        for (Model m : models) {
            String tail = m.isShutdown()
                    ? "-> " + m.replacement() + (m.alternative() == null ? "" : " (or " + m.alternative() + ")")
                    : price(m);
            sb.append(String.format(
                    Locale.ROOT,
                    "%-30s %-10s %-18s %-9s %-12s %s%n",
                    m.id(),
                    m.kind(),
                    String.join(",", m.surfaces()),
                    m.lifecycle(),
                    m.shutdown() == null ? "-" : m.shutdown(),
                    tail));
        }
        sb.append("Defaults:\n");
        for (var s : defaults.entrySet())
            sb.append("  ").append(s.getKey()).append(": ").append(s.getValue()).append('\n');
        return sb.toString();
    }

    private static String price(Model m) {
        Prices p = m.prices();
        if (p.perSecond() != null && !p.perSecond().isEmpty()) {
            List<String> rates = new ArrayList<>();
            p.perSecond().forEach((res, usd) -> rates.add("$" + usd.toPlainString() + "/s " + res));
            return String.join(", ", rates) + (Boolean.TRUE.equals(p.audioIncluded()) ? " (audio included)" : "");
        }
        if (p.perImage() != null) return "$" + p.perImage() + " per image";
        if (p.perMillionInputTokens() != null)
            return "$" + p.perMillionInputTokens() + " in / $" + p.perMillionOutputTokens() + " out per 1M tokens";
        if (p.perAudioMinute() != null) return "$" + p.perAudioMinute() + " per audio minute";
        return "price not published in the sources checked";
    }
}

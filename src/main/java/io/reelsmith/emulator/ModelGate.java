package io.reelsmith.emulator;

import io.reelsmith.google.GoogleModels;
import io.reelsmith.google.Surface;
import java.util.Optional;

/**
 * What Google answers for a model id before looking at the request, from the same catalogue the client reads
 * ({@link GoogleModels}): a retired id gets 404 "models/X is no longer available", an id the surface does not
 * serve (any Veo on an API key) or an unknown id gets 404 "not found", a model called through the wrong method
 * gets 400 (Omni answers generateContent with "only supports Interactions API"). None of these is billed.
 */
final class ModelGate {
    record Refusal(int code, String status, String message) {}

    private ModelGate() {}

    /** {@code method}: generateContent or predictLongRunning; {@code apiVersion}: v1beta, v1 or v1beta1. */
    static Optional<Refusal> check(String model, Surface surface, String method, String apiVersion) {
        Optional<GoogleModels.Model> found = GoogleModels.builtIn().find(model);
        if (found.isPresent() && found.get().isShutdown() && found.get().servedOn(surface)) {
            return Optional.of(new Refusal(
                    404,
                    "NOT_FOUND",
                    Rule.RETIRED_MODEL.refuse("models/" + model + " is no longer available. Please switch to "
                            + found.get().replacement() + ".")));
        }
        if (found.isEmpty() || !found.get().servedOn(surface)) {
            return Optional.of(new Refusal(
                    404,
                    "NOT_FOUND",
                    Rule.UNSERVED_MODEL.refuse("models/" + model + " is not found for API version " + apiVersion
                            + ", or is not supported for " + method + ".")));
        }
        GoogleModels.Kind kind = found.get().kindEnum();
        if (method.equals("predictLongRunning") && kind != GoogleModels.Kind.VEO) {
            return Optional.of(new Refusal(
                    400,
                    "INVALID_ARGUMENT",
                    Rule.ONLY_VEO_PREDICTS.refuse("models/" + model + " does not support predictLongRunning.")));
        }
        if (method.equals("generateContent") && kind == GoogleModels.Kind.OMNI) {
            return Optional.of(new Refusal(
                    400,
                    "INVALID_ARGUMENT",
                    Rule.OMNI_ONLY_INTERACTIONS.refuse("This model only supports Interactions API.")));
        }
        if (method.equals("generateContent") && kind == GoogleModels.Kind.VEO) {
            return Optional.of(new Refusal(
                    400,
                    "INVALID_ARGUMENT",
                    Rule.ONLY_VEO_PREDICTS.refuse("models/" + model + " does not support generateContent.")));
        }
        // python-genai #2079: Veo's GA models on Vertex AI answer v1beta1 with this; v1 serves them.
        if (surface == Surface.VERTEX
                && kind == GoogleModels.Kind.VEO
                && apiVersion.equals("v1beta1")
                && found.get().lifecycleEnum() == GoogleModels.Lifecycle.GA) {
            return Optional.of(new Refusal(
                    400,
                    "FAILED_PRECONDITION",
                    Rule.VEO_GA_ON_V1.refuse("RESOURCE_PROJECT_INVALID: " + model + " is served on API version v1.")));
        }
        return Optional.empty();
    }

    /**
     * Null when the model extends an input of {@code inputSeconds} by {@code seconds} on {@code surface} (its extend rule in
     * the catalogue: Agent Platform's Veo takes inputs of 1 to 30 s, Rule.VEO_INPUT_LENGTH), else Google's refusal.
     */
    static String extensionProblem(String model, Surface surface, double inputSeconds, double seconds) {
        Optional<GoogleModels.Extension> rule =
                GoogleModels.builtIn().find(model).flatMap(m -> m.extension(surface));
        if (rule.isEmpty()) return "models/" + model + " does not support video extension.";
        String why = rule.get().refusal(inputSeconds, seconds);
        return why == null ? null : "Cannot extend: " + why + ".";
    }
}

package io.reelsmith.models;

import java.util.List;

/**
 * The models {@code ./reelsmith models download} knows. Checksums are those of the whisper.cpp ggml files
 * published at huggingface.co/ggerganov/whisper.cpp (the Git LFS object ids).
 */
public final class ModelCatalog {
    public static final String DEFAULT_BASE_URL = "https://huggingface.co/ggerganov/whisper.cpp/resolve/main/";

    public static final List<Model> MODELS = List.of(
            new Model(
                    "whisper-tiny",
                    "ggml-tiny.bin",
                    "be07e048e1e599ad46341c8d2a135645097a538221678b7acdd1b1919c6e1b21",
                    77_691_713L),
            new Model(
                    "whisper-base",
                    "ggml-base.bin",
                    "60ed5bc3dd14eea856493d334349b405782ddcaf0028d4b5df4088345fba2efe",
                    147_951_465L),
            new Model(
                    "whisper-base.en",
                    "ggml-base.en.bin",
                    "a03779c86df3323075f5e796cb2ce5029f00ec8869eee3fdfb897afe36c6d002",
                    147_964_211L));

    private ModelCatalog() {}

    public static Model named(String name) {
        return MODELS.stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model '" + name + "' (known: "
                        + String.join(", ", MODELS.stream().map(Model::name).toList()) + ")"));
    }
}

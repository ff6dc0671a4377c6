package io.reelsmith.models;

import java.nio.file.Path;

/**
 * Where downloaded models go and where they come from: the configuration's {@code reelsmith.models.dir} (default
 * {@code ~/.reelsmith/models}) and {@code reelsmith.models.url} (default {@link ModelCatalog#DEFAULT_BASE_URL}).
 */
public record ModelFiles(Path directory, String baseUrl) {}

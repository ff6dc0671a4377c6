package io.reelsmith.storage;

import java.time.Instant;

public record UserRow(String id, String email, String passwordHash, Instant createdAt) {}

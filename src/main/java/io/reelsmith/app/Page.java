package io.reelsmith.app;

import java.util.List;

/** One page of a list: the items, how many there are in all, and where the page starts. */
public record Page<T>(List<T> items, long total, int limit, int offset) {}

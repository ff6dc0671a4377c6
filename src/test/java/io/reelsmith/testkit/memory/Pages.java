package io.reelsmith.testkit.memory;

import io.reelsmith.app.Page;
import java.util.List;
import java.util.stream.Stream;

/** One owner's rows, newest first, cut to a page as the database's LIMIT/OFFSET and COUNT(*) OVER () do. */
final class Pages {
    private Pages() {}

    static <R> Page<R> of(Stream<R> newestFirst, int limit, int offset) {
        List<R> all = newestFirst.toList();
        return new Page<>(all.stream().skip(offset).limit(limit).toList(), all.size(), limit, offset);
    }
}

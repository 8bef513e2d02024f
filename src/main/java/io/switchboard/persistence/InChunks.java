package io.switchboard.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a look-up by ids ({@code where id in (...)} or {@code = any(?)}) a chunk at a time. H2 checks every row it finds against the
 * whole IN list, so one query for 2,000 ids costs 2,000 × 2,000 comparisons, and ten queries of 200 a tenth of that.
 */
public final class InChunks {
    static final int CHUNK = 200;

    public static <T> List<T> read(Collection<String> ids, Function<List<String>, ? extends Collection<T>> query) {
        var all = List.copyOf(ids);
        if (all.isEmpty()) {
            return new ArrayList<>();
        }
        if (all.size() <= CHUNK) {
            return new ArrayList<>(query.apply(all));
        }
        var found = new ArrayList<T>(all.size());
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(query.apply(all.subList(from, Math.min(all.size(), from + CHUNK))));
        }
        return found;
    }

    /** The same for a query that takes its ids as one array parameter ({@code where id = any(?)}). */
    public static <T> List<T> readByArray(Collection<String> ids, Function<String[], ? extends Collection<T>> query) {
        return read(ids, chunk -> query.apply(chunk.toArray(String[]::new)));
    }

    private InChunks() {
    }
}

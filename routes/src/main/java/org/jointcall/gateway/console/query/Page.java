package org.jointcall.gateway.console.query;

import java.util.List;
import java.util.function.Function;

/**
 * One keyset page: its rows and the cursor of the next page, or null on the last page. Queries fetch
 * one row more than the limit; that extra row only tells whether a next page exists.
 */
public record Page<T>(List<T> rows, String next) {

    public Page {
        rows = List.copyOf(rows);
    }

    /** The page of {@code fetched} (up to limit + 1 rows) whose next cursor is that of its last row. */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, Cursor> cursorAfter) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> rows = fetched.subList(0, limit);
        return new Page<>(rows, cursorAfter.apply(rows.get(limit - 1)).encode());
    }
}

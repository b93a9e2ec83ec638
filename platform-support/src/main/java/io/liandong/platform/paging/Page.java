package io.liandong.platform.paging;

import java.util.List;

/**
 * One page of a list: {@code {"items": [...], "nextCursor": "..."}}. {@code nextCursor} is absent
 * on the last page; pass it back as {@code cursor} for the next one.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page from {@code fetched}, which holds up to {@code limit + 1} rows in order: the extra
     * row only proves there is more, and the cursor is taken from the last row shown.
     */
    public static <R, T> Page<T> of(List<R> fetched, int limit, java.util.function.Function<R, T> item,
                                    java.util.function.Function<R, Cursor> cursorOf) {
        boolean more = fetched.size() > limit;
        List<R> shown = more ? fetched.subList(0, limit) : fetched;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(item).toList(), next);
    }

    public <U> Page<U> map(java.util.function.Function<T, U> f) {
        return new Page<>(items.stream().map(f).toList(), nextCursor);
    }
}

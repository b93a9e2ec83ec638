package io.liandong.platform.paging;

import io.liandong.platform.error.InvalidInputException;

/** How many items a page may hold: a default when the client asks for none, and a maximum. */
public record PageSize(int defaultSize, int maxSize) {

    public static final PageSize STANDARD = new PageSize(50, 200);

    public PageSize {
        if (defaultSize < 1 || maxSize < defaultSize) {
            throw new IllegalArgumentException("need 1 <= default <= max, not " + defaultSize + ", " + maxSize);
        }
    }

    /**
     * The size to use for a requested {@code limit}.
     *
     * @throws InvalidInputException naming the {@code limit} parameter when it is outside 1..max
     */
    public int resolve(Integer limit) {
        if (limit == null) {
            return defaultSize;
        }
        if (limit < 1 || limit > maxSize) {
            throw new InvalidInputException("limit", "must be between 1 and " + maxSize);
        }
        return limit;
    }
}

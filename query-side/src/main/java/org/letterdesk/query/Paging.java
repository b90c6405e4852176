package org.letterdesk.query;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * One page of a list, the rule every paged query shares: {@code page} counts from 0 up to {@value #MAX_PAGE},
 * {@code size} is 1 up to the list's own maximum. The bound on the page keeps the row offset (page × size) within
 * what the database layer takes (an int) for every size a list allows, so a far page is a client error (400
 * naming {@code page}), never an overflow.
 */
public record Paging(int page, int size) {

    public static final int MAX_PAGE = 1_000_000;
    /** {@link #MAX_PAGE} for OpenAPI annotations, which need a constant string. */
    public static final String MAX_PAGE_TEXT = "1000000";

    public static Paging of(int page, int size, int maxSize) {
        if ((long) MAX_PAGE * maxSize + maxSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("A list of pages up to " + maxSize + " rows cannot be paged to "
                    + MAX_PAGE + " within an int offset");
        }
        if (page < 0 || page > MAX_PAGE) {
            throw QueryParameters.invalid("page", "Invalid page " + page, "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > maxSize) {
            throw QueryParameters.invalid("size", "Invalid size " + size, "must be between 1 and " + maxSize);
        }
        return new Paging(page, size);
    }

    /** The number of rows before this page. */
    public int offset() {
        return Math.toIntExact((long) page * size);
    }

    public PageRequest toPageRequest(Sort sort) {
        return PageRequest.of(page, size, sort);
    }
}

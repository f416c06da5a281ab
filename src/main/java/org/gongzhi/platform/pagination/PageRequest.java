package org.gongzhi.platform.pagination;

import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.graphql.GraphQLLimits;

/**
 * A bounded page: {@code first} is clamped to the configured maximum (never an error, so a greedy
 * client still gets an answer); a negative {@code first} is VALIDATION_FAILED.
 */
public record PageRequest(int size, String after) {

    public static PageRequest of(Integer first, String after, GraphQLLimits limits) {
        if (first != null && first < 0) {
            throw DomainException.invalid("first", "first must not be negative");
        }
        int size = first == null ? limits.defaultPageSize() : Math.min(first, limits.maxPageSize());
        return new PageRequest(size, after);
    }

    /** Rows to fetch: one more than the page, to learn whether a next page exists. */
    public int fetchSize() {
        return size + 1;
    }

    public Long afterId() {
        return Cursor.decodeId(after);
    }
}

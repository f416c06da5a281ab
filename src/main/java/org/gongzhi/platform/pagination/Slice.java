package org.gongzhi.platform.pagination;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One page of items fetched with {@link PageRequest#fetchSize()}: trims the extra row and builds edges
 * and {@link PageInfo}. Each GraphQL connection type maps a slice into its own edge records.
 */
public record Slice<T>(List<T> items, boolean hasNext, boolean hasPrevious, long totalCount) {

    public static <T> Slice<T> of(List<T> fetched, PageRequest page, long totalCount) {
        boolean hasNext = fetched.size() > page.size();
        List<T> items = hasNext ? fetched.subList(0, page.size()) : fetched;
        return new Slice<>(List.copyOf(items), hasNext, page.after() != null, totalCount);
    }

    public <E> List<E> edges(Function<T, String> cursor, BiFunction<String, T, E> edge) {
        List<E> edges = new ArrayList<>(items.size());
        for (T item : items) {
            edges.add(edge.apply(cursor.apply(item), item));
        }
        return edges;
    }

    public PageInfo pageInfo(Function<T, String> cursor) {
        return new PageInfo(hasNext, hasPrevious,
                items.isEmpty() ? null : cursor.apply(items.get(0)),
                items.isEmpty() ? null : cursor.apply(items.get(items.size() - 1)));
    }
}

package org.gongzhi.platform.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Small converters for native-query rows (Object[]), whose JDBC types vary with the driver. */
public final class Rows {

    private Rows() {
    }

    public static Long lng(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    public static long lngOr0(Object o) {
        return o == null ? 0L : ((Number) o).longValue();
    }

    public static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    public static String str(Object o) {
        return o == null ? null : o.toString();
    }

    public static Boolean bool(Object o) {
        return o == null ? null : (Boolean) o;
    }

    public static BigDecimal decimal(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }

    public static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (o instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + o.getClass());
    }

    public static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalArgumentException("Not a date: " + o.getClass());
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, Object o) {
        return o == null ? null : Enum.valueOf(type, o.toString());
    }

    /** Groups rows by a key, keeping row order inside each group. */
    public static <K, V> Map<K, List<V>> group(Collection<V> values, Function<V, K> key) {
        Map<K, List<V>> map = new LinkedHashMap<>();
        for (V v : values) {
            map.computeIfAbsent(key.apply(v), k -> new ArrayList<>()).add(v);
        }
        return map;
    }

    /** The list for each source key in source order (empty where none), as batched resolvers must return. */
    public static <K, V> List<List<V>> inOrder(List<K> keys, Map<K, List<V>> grouped) {
        List<List<V>> out = new ArrayList<>(keys.size());
        for (K k : keys) {
            out.add(grouped.getOrDefault(k, List.of()));
        }
        return out;
    }
}

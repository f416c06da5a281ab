package org.gongzhi.platform.pagination;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.gongzhi.platform.error.DomainException;

/** Opaque keyset cursors: base64url of the sort key parts joined by a unit separator. */
public final class Cursor {

    private static final String SEP = "\u001f";

    private Cursor() {
    }

    public static String encode(Object... keyParts) {
        StringBuilder sb = new StringBuilder("k");
        for (Object part : keyParts) {
            sb.append(SEP).append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key parts of a cursor, checked to have {@code arity} parts. */
    public static String[] decode(String cursor, int arity) {
        if (cursor == null) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(SEP, -1);
            if (parts.length != arity + 1 || !parts[0].equals("k")) {
                throw DomainException.invalid("after", "Malformed cursor");
            }
            String[] key = new String[arity];
            System.arraycopy(parts, 1, key, 0, arity);
            return key;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("after", "Malformed cursor");
        }
    }

    /** A cursor over a single numeric key (the common "order by id" case). */
    public static Long decodeId(String cursor) {
        String[] key = decode(cursor, 1);
        if (key == null) {
            return null;
        }
        try {
            return Long.parseLong(key[0]);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("after", "Malformed cursor");
        }
    }
}

package org.gongzhi.platform.id;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.gongzhi.platform.error.DomainException;

/**
 * Opaque GraphQL ids: base64url of {@code Type:number}. Clients must not parse them; the type prefix lets
 * the server refuse an id of the wrong kind with VALIDATION_FAILED instead of reading a random row.
 */
public final class GlobalId {

    private GlobalId() {
    }

    public static String encode(String type, long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static String encodeNullable(String type, Long id) {
        return id == null ? null : encode(type, id);
    }

    /** Decodes an id that must be of {@code type}; {@code field} names the input field in the error. */
    public static long decode(String type, String value, String field) {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw DomainException.invalid(field, "Malformed id");
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "Malformed id");
        }
        int colon = raw.indexOf(':');
        if (colon < 0 || !raw.substring(0, colon).equals(type)) {
            throw DomainException.invalid(field, "Not an id of a " + type);
        }
        try {
            long id = Long.parseLong(raw.substring(colon + 1));
            if (id <= 0) {
                throw DomainException.invalid(field, "Malformed id");
            }
            return id;
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "Malformed id");
        }
    }

    public static Long decodeNullable(String type, String value, String field) {
        return value == null ? null : decode(type, value, field);
    }
}

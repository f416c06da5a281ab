package org.gongzhi.platform.error;

/**
 * A rule of the domain refused the request. Its message is written for the client (it reaches the
 * GraphQL response as is), so it never carries SQL, stack traces or class names.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public DomainException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public DomainException(ErrorCode code, String message, String field) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The input field the error is about, or null. */
    public String field() {
        return field;
    }

    public static DomainException notFound(String type, Object id) {
        return new DomainException(ErrorCode.NOT_FOUND, type + " not found: " + id);
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, message, field);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(ErrorCode.FORBIDDEN, message);
    }

    public static DomainException unauthenticated() {
        return new DomainException(ErrorCode.UNAUTHENTICATED, "Authentication required: send a bearer token");
    }

    public static DomainException conflict(String message) {
        return new DomainException(ErrorCode.CONFLICT, message);
    }

    public static DomainException invalidTransition(String message) {
        return new DomainException(ErrorCode.INVALID_TRANSITION, message);
    }

    public static DomainException capacityExhausted(String message) {
        return new DomainException(ErrorCode.CAPACITY_EXHAUSTED, message);
    }
}

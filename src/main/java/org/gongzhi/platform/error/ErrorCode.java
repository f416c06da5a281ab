package org.gongzhi.platform.error;

/**
 * The closed set of {@code extensions.code} values a client can receive. Frontends switch on these, so a
 * value is never renamed or removed.
 */
public enum ErrorCode {
    /** No valid token was presented. */
    UNAUTHENTICATED,
    /** The caller is known but the object lies outside their role or data scope. */
    FORBIDDEN,
    /** No object with that id exists (or the caller may not know that it exists). */
    NOT_FOUND,
    /** The input is malformed or breaks a rule; {@code extensions.field} names the offending field. */
    VALIDATION_FAILED,
    /** The object's state machine does not allow this step from its current state. */
    INVALID_TRANSITION,
    /** The write collides with another one (unique rule, concurrent change, reused idempotency key). */
    CONFLICT,
    /** No capacity, stock, budget or balance is left for the request. */
    CAPACITY_EXHAUSTED,
    /** The query is deeper or more complex than the server accepts. */
    QUERY_TOO_COMPLEX,
    /** Something failed on the server; the details are in the server log, never in the response. */
    INTERNAL,
    /**
     * This server cannot serve the request now and another one can: sent when a pod shuts down and ends its live
     * subscriptions. Reconnect (the load balancer picks another pod), subscribe again and refetch.
     */
    UNAVAILABLE
}

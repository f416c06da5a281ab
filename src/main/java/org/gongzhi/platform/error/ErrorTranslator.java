package org.gongzhi.platform.error;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.jboss.logging.Logger;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place that turns any throwable into what a client may see: a stable code, a safe message and,
 * for validation errors, the field. Unknown failures are logged here and reach the client as INTERNAL.
 */
public final class ErrorTranslator {

    private static final Logger LOG = Logger.getLogger(ErrorTranslator.class);

    /** What a client sees of one error. */
    public record ClientError(ErrorCode code, String message, String field) {
        public Map<String, Object> extensions() {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("code", code.name());
            if (field != null) {
                ext.put("field", field);
            }
            return ext;
        }
    }

    private ErrorTranslator() {
    }

    public static ClientError translate(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DomainException d) {
                return new ClientError(d.code(), d.getMessage(), d.field());
            }
            if (t instanceof UnauthorizedException || t instanceof io.quarkus.security.AuthenticationFailedException) {
                return new ClientError(ErrorCode.UNAUTHENTICATED, "Authentication required: send a valid bearer token", null);
            }
            if (t instanceof ForbiddenException) {
                return new ClientError(ErrorCode.FORBIDDEN, "Not allowed for the caller's roles", null);
            }
            if (t instanceof ConstraintViolationException cve && !cve.getConstraintViolations().isEmpty()) {
                ConstraintViolation<?> v = cve.getConstraintViolations().iterator().next();
                String path = String.valueOf(v.getPropertyPath());
                return new ClientError(ErrorCode.VALIDATION_FAILED, path + ": " + v.getMessage(), lastNode(path));
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException hce) {
                return fromConstraint(hce);
            }
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException) {
                return new ClientError(ErrorCode.CONFLICT, "The object was changed by someone else; reload and retry", null);
            }
            if (t instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                return new ClientError(ErrorCode.CONFLICT, "Concurrent update; retry the request", null);
            }
        }
        LOG.error("Unexpected failure while serving a GraphQL request", error);
        return new ClientError(ErrorCode.INTERNAL, "Internal error; it has been logged", null);
    }

    private static ClientError fromConstraint(org.hibernate.exception.ConstraintViolationException e) {
        if (e.getKind() == ConstraintKind.UNIQUE) {
            return new ClientError(ErrorCode.CONFLICT, "Already exists (" + safeName(e.getConstraintName()) + ")", null);
        }
        if (e.getKind() == ConstraintKind.FOREIGN_KEY) {
            return new ClientError(ErrorCode.VALIDATION_FAILED, "Refers to an object that does not exist or is still referenced ("
                    + safeName(e.getConstraintName()) + ")", null);
        }
        return new ClientError(ErrorCode.VALIDATION_FAILED, "Violates a data rule (" + safeName(e.getConstraintName()) + ")", null);
    }

    /** Constraint names are ours (from the migrations) and say which rule was hit; nothing else of the SQL leaks. */
    private static String safeName(String constraint) {
        return constraint == null ? "constraint" : constraint.replaceAll("[^A-Za-z0-9_]", "");
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}

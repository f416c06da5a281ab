package org.gongzhi.platform.validation;

import java.util.Comparator;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.gongzhi.platform.error.DomainException;

/**
 * Checks an input record against its Bean Validation constraints before a service acts on it, and turns
 * the first violation into VALIDATION_FAILED naming the field.
 */
@ApplicationScoped
public class Inputs {

    private final Validator validator;

    Inputs(Validator validator) {
        this.validator = validator;
    }

    public <T> T validate(T input) {
        if (input == null) {
            throw DomainException.invalid("input", "input is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> first = violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElseThrow();
            String path = first.getPropertyPath().toString();
            throw DomainException.invalid(path, path + ": " + first.getMessage());
        }
        return input;
    }

    /** A required text field: present, not blank, within {@code max} characters. */
    public static String requireText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw DomainException.invalid(field, field + " must be at most " + max + " characters");
        }
        return trimmed;
    }

    /** An optional text field within {@code max} characters; blank becomes null. */
    public static String optionalText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw DomainException.invalid(field, field + " must be at most " + max + " characters");
        }
        return trimmed;
    }
}

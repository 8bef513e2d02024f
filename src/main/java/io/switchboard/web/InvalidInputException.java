package io.switchboard.web;

import java.util.List;

/** Input that passed parsing but breaks a rule; lists every bad field so a form can show it in place. */
public class InvalidInputException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidInputException(String message) {
        this(message, List.of());
    }

    public InvalidInputException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException field(String field, String message) {
        return new InvalidInputException(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {}
}

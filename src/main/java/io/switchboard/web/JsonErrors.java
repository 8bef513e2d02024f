package io.switchboard.web;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Turns a JSON parse failure into a sentence that names the bad field and what was wrong with it. */
public final class JsonErrors {
    private JsonErrors() {
    }

    static String describe(HttpMessageNotReadableException e) {
        // the outermost Jackson error knows the field; its own cause (e.g. a DateTimeParseException) does not
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return describe(jackson);
            }
        }
        return e.getMessage() == null || e.getMessage().startsWith("Required request body")
                ? "The request body is missing or is not valid JSON" : "The request body is not valid JSON";
    }

    public static String describe(JacksonException e) {
        String field = e.getPathReference() == null ? "" : fieldPath(e);
        if (e instanceof InvalidFormatException invalid) {
            var target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return field + ": '" + invalid.getValue() + "' is not one of "
                        + java.util.Arrays.toString(target.getEnumConstants());
            }
            return field + ": '" + invalid.getValue() + "' is not a valid " + simpleName(target);
        }
        if (e instanceof MismatchedInputException mismatch && !field.isEmpty()) {
            return field + ": expected " + simpleName(mismatch.getTargetType());
        }
        return "Malformed JSON: " + e.getOriginalMessage();
    }

    private static String fieldPath(JacksonException e) {
        var path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "value" : type.getSimpleName();
    }
}

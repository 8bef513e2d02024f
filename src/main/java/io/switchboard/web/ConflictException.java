package io.switchboard.web;

/** The request is well formed but clashes with the current state (late accept, duplicate id, ...). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}

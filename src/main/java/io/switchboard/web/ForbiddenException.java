package io.switchboard.web;

/** The caller is signed in but may not touch this resource (another customer's data, another engineer's offer). */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}

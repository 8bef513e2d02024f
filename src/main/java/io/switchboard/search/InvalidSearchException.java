package io.switchboard.search;

/** The search input cannot be served: the message says why (maps to 400). */
public class InvalidSearchException extends RuntimeException {

    public InvalidSearchException(String message) {
        super(message);
    }

    public InvalidSearchException(String message, Throwable cause) {
        super(message, cause);
    }
}

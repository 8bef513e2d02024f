package io.switchboard.web;

/** The request body is bigger than this endpoint takes. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long limit) {
        super("The request body is larger than the " + limit + " bytes this endpoint accepts");
    }
}

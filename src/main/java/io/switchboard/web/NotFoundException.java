package io.switchboard.web;

/** Something named by the request does not exist (or the caller may not know it exists). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, String id) {
        super(what + " '" + id + "' does not exist");
    }
}

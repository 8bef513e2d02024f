package io.switchboard.search;

import java.time.Instant;

/** A certification; {@code expires} null means it never expires. */
public record Certification(String name, Instant expires) {

    public boolean validAt(Instant now) {
        return expires == null || expires.isAfter(now);
    }
}

package io.switchboard.schedules;

import java.time.Instant;

/** The time a dated override covers: from inclusive, to exclusive. */
record OverrideSpan(Instant from, Instant to, OverrideKind kind) {

    boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}

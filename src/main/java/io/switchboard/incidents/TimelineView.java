package io.switchboard.incidents;

import java.time.Instant;

public record TimelineView(Instant at, String type, String detail, String actor) {
}

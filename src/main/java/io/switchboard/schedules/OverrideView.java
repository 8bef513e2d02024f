package io.switchboard.schedules;

import java.time.Instant;

record OverrideView(String id, Instant from, Instant to, OverrideKind kind, String note) {
}

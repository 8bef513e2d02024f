package io.switchboard.schedules;

import java.time.Instant;
import java.util.List;

import io.switchboard.directory.EngineerStatus;

/** Who is working or on call at {@code at}, among engineers who keep a schedule. */
record OnDutyBoard(Instant at, List<Entry> engineers) {

    record Entry(String engineerId, String name, EngineerStatus status, DutyMode mode, Instant until) {
    }
}

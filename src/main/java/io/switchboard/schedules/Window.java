package io.switchboard.schedules;

import java.time.LocalTime;

/** A window of local time as the API shows it ("08:00" to "17:00"); to <= from runs overnight. */
record Window(LocalTime from, LocalTime to) {
}

package io.switchboard.schedules;

import java.time.LocalTime;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A window of local time as the API shows it ("08:00" to "17:00"); to <= from runs overnight. */
record Window(@JsonFormat(pattern = "HH:mm") LocalTime from, @JsonFormat(pattern = "HH:mm") LocalTime to) {
}

package io.switchboard.schedules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A weekly window of local time that starts on {@code day}. One whose end is not after its start runs overnight
 * into the next day (22:00-06:00); start = end means 24 hours.
 */
@Embeddable
record ScheduleWindow(
        @Enumerated(EnumType.STRING) @Column(name = "kind") DutyMode mode,
        @Enumerated(EnumType.STRING) @Column(name = "day_of_week") DayOfWeek day,
        @Column(name = "starts") LocalTime from,
        @Column(name = "ends") LocalTime to) {

    boolean overnight() {
        return !to.isAfter(from);
    }

    /** Wall-clock time, so a window keeps its local hours across a DST change. */
    boolean covers(LocalDateTime local) {
        var time = local.toLocalTime();
        if (!overnight()) {
            return local.getDayOfWeek() == day && !time.isBefore(from) && time.isBefore(to);
        }
        return (local.getDayOfWeek() == day && !time.isBefore(from))
                || (local.getDayOfWeek() == day.plus(1) && time.isBefore(to));
    }

    /** The local date the window ends on when it starts on {@code start}. */
    LocalDate endDate(LocalDate start) {
        return overnight() ? start.plusDays(1) : start;
    }
}

package io.switchboard.schedules;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.switchboard.web.InvalidInputException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The weekly pattern an engineer works to: per weekday, the working windows and the on-call windows, in local time.
 * A day left out has none. {@code timeZone}, when given, becomes the engineer's time zone.
 */
record WeeklyPattern(
        @Size(max = 64) String timeZone,
        @NotNull Map<DayOfWeek, List<Window>> workingHours,
        Map<DayOfWeek, List<Window>> onCall) {
    static final int MAX_WINDOWS_PER_DAY = 10;

    /** The pattern as stored windows; every bad window is named in one 400. */
    List<ScheduleWindow> windows() {
        var windows = new ArrayList<ScheduleWindow>();
        var errors = new ArrayList<InvalidInputException.FieldError>();
        collect("workingHours", DutyMode.WORKING, workingHours, windows, errors);
        collect("onCall", DutyMode.ON_CALL, onCall, windows, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(String.join("; ",
                    errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
        }
        return windows;
    }

    private static void collect(String field, DutyMode mode, Map<DayOfWeek, List<Window>> days,
            List<ScheduleWindow> windows, List<InvalidInputException.FieldError> errors) {
        if (days == null) {
            return;
        }
        days.forEach((day, list) -> {
            if (list == null) {
                return;
            }
            if (list.size() > MAX_WINDOWS_PER_DAY) {
                errors.add(new InvalidInputException.FieldError(field + "." + day,
                        "at most " + MAX_WINDOWS_PER_DAY + " windows a day"));
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                var window = list.get(i);
                String at = field + "." + day + "[" + i + "]";
                if (window == null || window.from() == null || window.to() == null) {
                    errors.add(new InvalidInputException.FieldError(at,
                            "needs both from and to, as local times like \"08:00\""));
                } else {
                    windows.add(new ScheduleWindow(mode, day, window.from(), window.to()));
                }
            }
        });
    }
}

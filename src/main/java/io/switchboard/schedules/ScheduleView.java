package io.switchboard.schedules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An engineer's schedule as the API shows it. {@code workingHours} and {@code onCall} are missing when the engineer
 * has no weekly pattern (always reachable outside overrides); {@code overrides} lists those not yet ended.
 */
record ScheduleView(String timeZone, Map<DayOfWeek, List<Window>> workingHours, Map<DayOfWeek, List<Window>> onCall,
        List<OverrideView> overrides, Now now) {

    /** @param until when this mode ends; missing when it does not within a week past the last override */
    record Now(boolean onDuty, DutyMode mode, Instant until) {
    }
}

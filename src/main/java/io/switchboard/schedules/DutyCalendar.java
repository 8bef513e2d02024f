package io.switchboard.schedules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * One engineer's duty over time: a covering override decides; otherwise the weekly pattern, read in the engineer's
 * time zone; without a weekly pattern the engineer counts as working.
 *
 * @param weekly the weekly windows, or null when the engineer has no weekly pattern
 */
record DutyCalendar(ZoneId zone, List<ScheduleWindow> weekly, List<OverrideSpan> overrides) {
    /** How far ahead {@link #nextChange} looks past the last override: a week plus a day covers every weekly window. */
    private static final Duration WEEK_AHEAD = Duration.ofDays(8);

    DutyMode modeAt(Instant at) {
        var override = overrides.stream().filter(span -> span.covers(at)).map(OverrideSpan::kind)
                .min(Comparator.naturalOrder());
        if (override.isPresent()) {
            return override.get().mode();
        }
        if (weekly == null) {
            return DutyMode.WORKING;
        }
        var local = at.atZone(zone).toLocalDateTime();
        var mode = DutyMode.OFF;
        for (var window : weekly) {
            if (window.covers(local)) {
                if (window.mode() == DutyMode.WORKING) {
                    return DutyMode.WORKING;
                }
                mode = window.mode();
            }
        }
        return mode;
    }

    boolean reachable(Instant at, boolean onCallAllowed) {
        return modeAt(at).reachable(onCallAllowed);
    }

    /**
     * When the mode of {@code now} ends, or null when it does not within a week past the last override. The mode
     * only changes where a window or an override starts or ends or the zone's offset shifts, so only those are tried.
     */
    Instant nextChange(Instant now) {
        var horizon = overrides.stream().map(OverrideSpan::to).max(Comparator.naturalOrder())
                .filter(end -> end.isAfter(now)).orElse(now).plus(WEEK_AHEAD);
        var candidates = new TreeSet<Instant>();
        for (var span : overrides) {
            candidates.add(span.from());
            candidates.add(span.to());
        }
        if (weekly != null) {
            var last = horizon.atZone(zone).toLocalDate();
            for (var date = now.atZone(zone).toLocalDate().minusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
                for (var window : weekly) {
                    if (window.day() == date.getDayOfWeek()) {
                        candidates.add(ZonedDateTime.of(date, window.from(), zone).toInstant());
                        candidates.add(ZonedDateTime.of(window.endDate(date), window.to(), zone).toInstant());
                    }
                }
            }
            var rules = zone.getRules();
            for (var shift = rules.nextTransition(now); shift != null && shift.getInstant().isBefore(horizon);
                    shift = rules.nextTransition(shift.getInstant())) {
                candidates.add(shift.getInstant());
            }
        }
        var mode = modeAt(now);
        for (var candidate : candidates.subSet(now, false, horizon, true)) {
            if (modeAt(candidate) != mode) {
                return candidate;
            }
        }
        return null;
    }
}

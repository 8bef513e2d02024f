package io.switchboard.schedules;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The schedule logic on its own: time zones, DST change days, overnight windows, overrides, on-call. */
class DutyCalendarTests {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static ScheduleWindow working(DayOfWeek day, String from, String to) {
        return new ScheduleWindow(DutyMode.WORKING, day, LocalTime.parse(from), LocalTime.parse(to));
    }

    private static ScheduleWindow onCall(DayOfWeek day, String from, String to) {
        return new ScheduleWindow(DutyMode.ON_CALL, day, LocalTime.parse(from), LocalTime.parse(to));
    }

    private static OverrideSpan override(String from, String to, OverrideKind kind) {
        return new OverrideSpan(Instant.parse(from), Instant.parse(to), kind);
    }

    private static DutyCalendar calendar(ZoneId zone, List<ScheduleWindow> weekly, OverrideSpan... overrides) {
        return new DutyCalendar(zone, weekly, List.of(overrides));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void workingHoursAreReadInTheEngineersOwnTimeZone() {
        var pattern = List.of(working(MONDAY, "08:00", "17:00"));
        var amsterdam = calendar(AMSTERDAM, pattern);
        var newYork = calendar(NEW_YORK, pattern);
        // Monday 2026-11-23: 07:30Z is 08:30 in Amsterdam (UTC+1) and 02:30 in New York (UTC-5)
        assertThat(amsterdam.modeAt(at("2026-11-23T07:30:00Z"))).isEqualTo(DutyMode.WORKING);
        assertThat(newYork.modeAt(at("2026-11-23T07:30:00Z"))).isEqualTo(DutyMode.OFF);
        assertThat(newYork.modeAt(at("2026-11-23T13:30:00Z"))).isEqualTo(DutyMode.WORKING);
        assertThat(amsterdam.modeAt(at("2026-11-23T16:00:00Z"))).isEqualTo(DutyMode.OFF);
        assertThat(amsterdam.nextChange(at("2026-11-23T07:30:00Z"))).isEqualTo(at("2026-11-23T16:00:00Z"));
    }

    @Test
    void windowsKeepTheirLocalHoursAcrossTheSpringDstChange() {
        var calendar = calendar(AMSTERDAM, List.of(working(SUNDAY, "08:00", "17:00")));
        // the Sunday before, 07:30Z is 08:30 CET; on the change day 2026-03-29 08:00 CEST is already 06:00Z
        assertThat(calendar.modeAt(at("2026-03-22T06:30:00Z"))).isEqualTo(DutyMode.OFF);
        assertThat(calendar.modeAt(at("2026-03-29T06:30:00Z"))).isEqualTo(DutyMode.WORKING);
        assertThat(calendar.nextChange(at("2026-03-29T06:30:00Z"))).isEqualTo(at("2026-03-29T15:00:00Z"));
    }

    @Test
    void aWindowEndingInsideTheSkippedHourEndsWhenTheClocksJump() {
        // 02:00-03:00 local does not exist on 2026-03-29: at 01:00Z the clocks go from 02:00 CET to 03:00 CEST
        var calendar = calendar(AMSTERDAM, List.of(working(SUNDAY, "00:00", "02:30")));
        assertThat(calendar.modeAt(at("2026-03-29T00:30:00Z"))).isEqualTo(DutyMode.WORKING);
        assertThat(calendar.modeAt(at("2026-03-29T01:00:00Z"))).isEqualTo(DutyMode.OFF);
        assertThat(calendar.nextChange(at("2026-03-29T00:30:00Z"))).isEqualTo(at("2026-03-29T01:00:00Z"));
    }

    @Test
    void theRepeatedAutumnHourCountsTwice() {
        // on 2026-10-25 local 02:00-03:00 happens twice: 00:00Z-01:00Z (CEST) and 01:00Z-02:00Z (CET)
        var calendar = calendar(AMSTERDAM, List.of(onCall(SUNDAY, "02:00", "03:00")));
        assertThat(calendar.modeAt(at("2026-10-24T23:59:00Z"))).isEqualTo(DutyMode.OFF);
        assertThat(calendar.modeAt(at("2026-10-25T00:30:00Z"))).isEqualTo(DutyMode.ON_CALL);
        assertThat(calendar.modeAt(at("2026-10-25T01:30:00Z"))).isEqualTo(DutyMode.ON_CALL);
        assertThat(calendar.nextChange(at("2026-10-25T00:30:00Z"))).isEqualTo(at("2026-10-25T02:00:00Z"));
    }

    @Test
    void anOvernightWindowRunsIntoTheNextDay() {
        var calendar = calendar(ZoneOffset.UTC, List.of(working(MONDAY, "22:00", "06:00")));
        assertThat(calendar.modeAt(at("2026-11-23T21:59:00Z"))).isEqualTo(DutyMode.OFF);
        assertThat(calendar.modeAt(at("2026-11-23T22:00:00Z"))).isEqualTo(DutyMode.WORKING);
        assertThat(calendar.modeAt(at("2026-11-24T05:59:00Z"))).isEqualTo(DutyMode.WORKING);
        assertThat(calendar.modeAt(at("2026-11-24T06:00:00Z"))).isEqualTo(DutyMode.OFF);
        // the night from Sunday into Monday is not Monday's window
        assertThat(calendar.modeAt(at("2026-11-23T03:00:00Z"))).isEqualTo(DutyMode.OFF);
        assertThat(calendar.nextChange(at("2026-11-23T23:00:00Z"))).isEqualTo(at("2026-11-24T06:00:00Z"));
    }

    @Test
    void sundayNightRunsIntoMondayAndEqualStartAndEndMeanAFullDay() {
        var sundayNight = calendar(ZoneOffset.UTC, List.of(onCall(SUNDAY, "20:00", "08:00")));
        assertThat(sundayNight.modeAt(at("2026-11-23T07:00:00Z"))).isEqualTo(DutyMode.ON_CALL);
        var allMonday = calendar(ZoneOffset.UTC, List.of(working(MONDAY, "00:00", "00:00")));
        assertThat(allMonday.modeAt(at("2026-11-23T00:00:00Z"))).isEqualTo(DutyMode.WORKING);
        assertThat(allMonday.modeAt(at("2026-11-23T23:59:59Z"))).isEqualTo(DutyMode.WORKING);
        assertThat(allMonday.modeAt(at("2026-11-24T00:00:00Z"))).isEqualTo(DutyMode.OFF);
    }

    @Test
    void overridesWinOverTheWeeklyPattern() {
        var pattern = List.of(working(MONDAY, "08:00", "17:00"));
        var holiday = calendar(ZoneOffset.UTC, pattern,
                override("2026-11-23T00:00:00Z", "2026-11-24T00:00:00Z", OverrideKind.OFF_DUTY));
        assertThat(holiday.modeAt(at("2026-11-23T10:00:00Z"))).isEqualTo(DutyMode.OFF);
        assertThat(holiday.modeAt(at("2026-11-30T10:00:00Z"))).isEqualTo(DutyMode.WORKING);

        var extraShift = calendar(ZoneOffset.UTC, pattern,
                override("2026-11-23T18:00:00Z", "2026-11-23T22:00:00Z", OverrideKind.ON_DUTY));
        assertThat(extraShift.modeAt(at("2026-11-23T19:00:00Z"))).isEqualTo(DutyMode.WORKING);
        assertThat(extraShift.nextChange(at("2026-11-23T19:00:00Z"))).isEqualTo(at("2026-11-23T22:00:00Z"));

        var onCallInstead = calendar(ZoneOffset.UTC, pattern,
                override("2026-11-23T08:00:00Z", "2026-11-23T12:00:00Z", OverrideKind.ON_CALL));
        assertThat(onCallInstead.modeAt(at("2026-11-23T09:00:00Z"))).isEqualTo(DutyMode.ON_CALL);
    }

    @Test
    void whereOverridesOverlapOffDutyWins() {
        var calendar = calendar(ZoneOffset.UTC, null,
                override("2026-11-23T08:00:00Z", "2026-11-23T20:00:00Z", OverrideKind.ON_DUTY),
                override("2026-11-23T10:00:00Z", "2026-11-23T12:00:00Z", OverrideKind.OFF_DUTY));
        assertThat(calendar.modeAt(at("2026-11-23T09:00:00Z"))).isEqualTo(DutyMode.WORKING);
        assertThat(calendar.modeAt(at("2026-11-23T11:00:00Z"))).isEqualTo(DutyMode.OFF);
        assertThat(calendar.nextChange(at("2026-11-23T09:00:00Z"))).isEqualTo(at("2026-11-23T10:00:00Z"));
    }

    @Test
    void withoutAWeeklyPatternAnEngineerIsAlwaysWorkingOutsideOverrides() {
        var none = calendar(ZoneOffset.UTC, null);
        assertThat(none.modeAt(at("2026-11-23T03:00:00Z"))).isEqualTo(DutyMode.WORKING);
        assertThat(none.nextChange(at("2026-11-23T03:00:00Z"))).isNull();
        var holiday = calendar(ZoneOffset.UTC, null,
                override("2026-12-24T00:00:00Z", "2026-12-27T00:00:00Z", OverrideKind.OFF_DUTY));
        assertThat(holiday.modeAt(at("2026-12-25T12:00:00Z"))).isEqualTo(DutyMode.OFF);
        assertThat(holiday.nextChange(at("2026-11-23T03:00:00Z"))).isEqualTo(at("2026-12-24T00:00:00Z"));
        assertThat(holiday.nextChange(at("2026-12-25T12:00:00Z"))).isEqualTo(at("2026-12-27T00:00:00Z"));
    }

    @Test
    void onCallCountsOnlyWhereThePolicyAllowsItAndWorkingHoursWinOverIt() {
        var calendar = calendar(ZoneOffset.UTC, List.of(
                working(MONDAY, "08:00", "17:00"), onCall(MONDAY, "00:00", "00:00")));
        var night = at("2026-11-23T03:00:00Z");
        var day = at("2026-11-23T10:00:00Z");
        assertThat(calendar.modeAt(night)).isEqualTo(DutyMode.ON_CALL);
        assertThat(calendar.reachable(night, true)).isTrue();
        assertThat(calendar.reachable(night, false)).isFalse();
        assertThat(calendar.modeAt(day)).isEqualTo(DutyMode.WORKING);
        assertThat(calendar.reachable(day, false)).isTrue();
        assertThat(calendar.reachable(at("2026-11-24T03:00:00Z"), true)).isFalse();
    }

    @Test
    void aModeThatNeverEndsHasNoEnd() {
        var always = calendar(ZoneOffset.UTC, java.util.Arrays.stream(DayOfWeek.values())
                .map(day -> working(day, "00:00", "00:00")).toList());
        assertThat(always.modeAt(at("2026-11-23T03:00:00Z"))).isEqualTo(DutyMode.WORKING);
        assertThat(always.nextChange(at("2026-11-23T03:00:00Z"))).isNull();
    }
}

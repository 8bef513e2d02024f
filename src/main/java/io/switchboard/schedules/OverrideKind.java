package io.switchboard.schedules;

/**
 * What a dated override makes of its time, whatever the weekly pattern says. Where overrides overlap the first
 * kind listed wins: someone who said they are off is never rung because another entry says otherwise.
 */
enum OverrideKind {
    OFF_DUTY(DutyMode.OFF), ON_DUTY(DutyMode.WORKING), ON_CALL(DutyMode.ON_CALL);

    private final DutyMode mode;

    OverrideKind(DutyMode mode) {
        this.mode = mode;
    }

    DutyMode mode() {
        return mode;
    }
}

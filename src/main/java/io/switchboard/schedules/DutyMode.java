package io.switchboard.schedules;

/** What an engineer is at one moment; a weekly window is either WORKING or ON_CALL. */
enum DutyMode {
    WORKING, ON_CALL, OFF;

    boolean reachable(boolean onCallAllowed) {
        return this == WORKING || (this == ON_CALL && onCallAllowed);
    }
}

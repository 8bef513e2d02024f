package io.switchboard.directory;

/**
 * What routing asks about an engineer before ringing them or letting them accept: live status, capacity, how many
 * incidents they work on now, and the time zone their working hours are in (null = UTC). Read without the rest of
 * the profile, because routing asks it in every decision.
 */
public record EngineerAvailability(String id, EngineerStatus status, int maxActive, int activeIncidents,
        String timeZone) {
}

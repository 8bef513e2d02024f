package io.switchboard.schedules;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

import io.switchboard.directory.EngineerAvailability;

/** The question routing asks before it rings anyone: who can be reached right now. */
public interface DutyRoster {

    /**
     * Of these engineers, the ids of those reachable at that moment: in working hours (or an ON_DUTY override), or in
     * an on-call window (or ON_CALL override) when {@code onCallAllowed}. An engineer without a weekly pattern is
     * always reachable outside their overrides. Answered with a fixed number of queries, however many engineers.
     */
    Set<String> reachable(Collection<EngineerAvailability> engineers, Instant at, boolean onCallAllowed);
}

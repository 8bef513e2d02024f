package io.switchboard.incidents;

import java.time.Instant;

/**
 * The incident's status or assignee changed.
 *
 * @param offersSettled nothing can still ring for it: routing's accept withdrew the other offers in the same
 *        transaction, or it was assigned already (its offers went when it was assigned). Events stored before it
 *        existed lack it (null, read as false) and withdraw as before.
 * @param releasedAssignee the engineer this change took the incident off (it was resolved, or a dispatcher gave it to
 *        someone else), who has one incident fewer to work on; null when none, and in events stored before it existed
 */
public record IncidentUpdated(String incidentId, String customerId, IncidentStatus status, String assignee,
        Instant at, Boolean offersSettled, String releasedAssignee) {

    public IncidentUpdated {
        offersSettled = Boolean.TRUE.equals(offersSettled);
    }

    /** Someone has it now, or it is done, and offers may still ring: nobody needs to be asked any more. */
    public boolean leftRouting() {
        return !offersSettled && (status == IncidentStatus.ASSIGNED || status == IncidentStatus.RESOLVED);
    }
}

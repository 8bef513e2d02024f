package io.switchboard.incidents;

import java.time.Instant;

/**
 * An open incident came near one of its SLA deadlines ({@code breached} false) or passed it (true). Each is
 * announced at most once per deadline.
 *
 * @param due the deadline itself (ackBy or resolveBy)
 * @param at when it was noticed
 */
public record SlaWarning(String incidentId, String customerId, Deadline deadline, Instant due, boolean breached,
        Instant at) {

    public enum Deadline {
        ACK, RESOLVE
    }
}

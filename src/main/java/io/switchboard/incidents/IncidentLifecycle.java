package io.switchboard.incidents;

import java.util.Collection;

/** What routing may do to an incident. Each call is one transaction and announces what changed. */
public interface IncidentLifecycle {

    IncidentView get(String incidentId);

    void startRouting(String incidentId);

    /** The engineer accepted an offer: assigns them if the incident is still being routed, else ConflictException. */
    void acceptOffer(String incidentId, String engineerId);

    void escalate(String incidentId, String reason);

    /** A dispatcher sends an ESCALATED or ROUTING incident back to routing; recorded with its actor. */
    void reroute(String incidentId, String reason, String actor);

    /** Adds a line to the timeline without changing the status. */
    void note(String incidentId, String type, String detail, String actor);

    /** Incidents being routed now, oldest first: routing checks each has a live offer. */
    java.util.List<String> routingIncidentIds();

    /** These engineers were offered the incident and may read it from now on. */
    void involve(String incidentId, Collection<String> engineerIds);
}

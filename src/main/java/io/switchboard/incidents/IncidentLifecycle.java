package io.switchboard.incidents;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What routing may do to an incident. Each call is one transaction (or joins the caller's) and announces what changed.
 * Routing calls the changing ones inside a decision that has {@link #lock locked} the incident.
 */
public interface IncidentLifecycle {

    IncidentView get(String incidentId);

    /** The incident without its timeline: what routing decides by. */
    IncidentView summary(String incidentId);

    /**
     * Locks the incident's row until the current transaction ends, so decisions about one incident take turns while
     * those about others go ahead; returns it, fresh, without its timeline.
     */
    IncidentView lock(String incidentId);

    /** @return the incident, now ROUTING, without its timeline */
    IncidentView startRouting(String incidentId);

    /**
     * The engineer accepted an offer: assigns them if the incident is still being routed, else ConflictException. The
     * caller withdraws the incident's other offers in the same transaction, so no reaction is left to do it.
     */
    void acceptOffer(String incidentId, String engineerId);

    /** Routing gave up; {@code escalatedTo} are the staff usernames told in person (may be empty). */
    void escalate(String incidentId, String reason, List<String> escalatedTo);

    /** A dispatcher sends an ESCALATED or ROUTING incident back to routing; recorded with its actor. */
    void reroute(String incidentId, String reason, String actor);

    /** A dispatcher offers an OPEN, ROUTING or ESCALATED incident to everyone at once; recorded with its actor. */
    void broadcast(String incidentId, String reason, String actor);

    /** Adds a line to the timeline without changing the status. */
    void note(String incidentId, String type, String detail, String actor);

    /** Incidents being routed now, oldest first: routing checks each has a live offer. */
    List<String> routingIncidentIds();

    /** Incidents still OPEN that were opened before {@code before}, oldest first: routing never started on them. */
    List<String> openIncidentIdsOpenedBefore(Instant before);

    /** These engineers were offered the incident and may read it from now on. */
    void involve(String incidentId, Collection<String> engineerIds);
}

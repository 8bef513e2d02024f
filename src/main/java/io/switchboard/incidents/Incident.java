package io.switchboard.incidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


import org.hibernate.annotations.OptimisticLock;

import io.switchboard.persistence.AssignedId;
import io.switchboard.web.ConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The aggregate: every status change goes through a method here that checks it is allowed and records it. */
@Entity
@Table(name = "incident")
class Incident extends AssignedId {
    @Id
    private String id;
    private String systemId;
    private String customerId;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    private String title;
    private String description;
    @Enumerated(EnumType.STRING)
    private IncidentStatus status;
    private String assignee;
    private Instant openedAt;
    private Instant ackBy;
    private Instant resolveBy;
    private Instant acknowledgedAt;
    private Instant resolvedAt;
    private String resolution;
    private String resolvedBy;
    private boolean historical;
    private Instant ackWarnedAt;
    private Instant ackBreachedAt;
    private Instant resolveWarnedAt;
    private Instant resolveBreachedAt;
    @Version
    private long version;

    // The entries point at their incident (mappedBy), so adding one is a single insert: it neither loads the
    // timeline nor updates the incident's version, and several transactions may add entries to the same incident.
    @OneToMany(mappedBy = "incident", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    @OptimisticLock(excluded = true)
    private List<TimelineEntry> timeline = new ArrayList<>();


    protected Incident() {
    }

    static Incident open(String id, String systemId, String customerId, OpenIncident request,
            SlaSettings.Target sla, Instant now, String actor) {
        var incident = new Incident();
        incident.id = id;
        incident.systemId = systemId;
        incident.customerId = customerId;
        incident.severity = request.severity();
        incident.title = request.title().trim();
        incident.description = request.description();
        incident.status = IncidentStatus.OPEN;
        incident.openedAt = now;
        incident.ackBy = now.plus(sla.acknowledgeWithin());
        incident.resolveBy = now.plus(sla.resolveWithin());
        incident.record(now, "OPENED", request.severity() + " on " + systemId + ": " + incident.title, actor);
        return incident;
    }

    void startRouting(Instant now) {
        require(status == IncidentStatus.OPEN || status == IncidentStatus.ESCALATED, "start routing");
        status = IncidentStatus.ROUTING;
        record(now, "ROUTING", "Looking for the best qualified available engineer", null);
    }

    /** Routing found an engineer who accepted the offer. */
    void acceptedBy(String engineerId, Instant now) {
        require(status == IncidentStatus.ROUTING, "accept an offer for");
        assignTo(engineerId, now);
        record(now, "ASSIGNED", "Accepted by " + engineerId, engineerId);
    }

    /**
     * A dispatcher chose the engineer, overriding routing.
     *
     * @param override the engineer's limit the dispatcher went past (status, capacity), or null
     */
    void assignedBy(String engineerId, String actor, String reason, String override, Instant now) {
        require(status != IncidentStatus.RESOLVED, "assign");
        if (engineerId.equals(assignee)) {
            throw new ConflictException("incident " + id + " is already assigned to " + engineerId);
        }
        String previous = assignee;
        assignTo(engineerId, now);
        String what = withReason(previous == null ? "Assigned to " + engineerId
                : "Reassigned from " + previous + " to " + engineerId, reason);
        record(now, previous == null ? "ASSIGNED" : "REASSIGNED",
                override == null ? what : what + " (dispatcher override: " + override + ")", actor);
    }

    void reroute(String reason, String actor, Instant now) {
        require(status == IncidentStatus.ROUTING || status == IncidentStatus.ESCALATED, "re-route");
        status = IncidentStatus.ROUTING;
        record(now, "REROUTED", withReason("Sent back to routing", reason), actor);
    }

    void broadcast(String reason, String actor, Instant now) {
        require(status == IncidentStatus.OPEN || status == IncidentStatus.ROUTING || status == IncidentStatus.ESCALATED,
                "broadcast");
        status = IncidentStatus.ROUTING;
        record(now, "BROADCAST", withReason("Offered to every qualified engineer at once", reason), actor);
    }

    /**
     * Records what the clock says about the SLA deadlines, each warning and each breach at most once. A deadline
     * already past when first looked at is only a breach: a warning after the fact would tell nobody anything.
     *
     * @param warningRatio the share of each target, before its deadline, that counts as "near"
     * @return the warnings and breaches recorded now
     */
    List<SlaWarning> checkSla(double warningRatio, Instant now) {
        var found = new ArrayList<SlaWarning>();
        if (historical || status == IncidentStatus.RESOLVED) {
            return found;
        }
        if (acknowledgedAt == null && ackBy != null && ackBreachedAt == null) {
            if (!now.isBefore(ackBy)) {
                ackBreachedAt = now;
                ackWarnedAt = ackWarnedAt == null ? now : ackWarnedAt;
                found.add(slaEvent(SlaWarning.Deadline.ACK, ackBy, true, now));
            } else if (ackWarnedAt == null && !now.isBefore(warnFrom(ackBy, warningRatio))) {
                ackWarnedAt = now;
                found.add(slaEvent(SlaWarning.Deadline.ACK, ackBy, false, now));
            }
        }
        if (resolveBy != null && resolveBreachedAt == null) {
            if (!now.isBefore(resolveBy)) {
                resolveBreachedAt = now;
                resolveWarnedAt = resolveWarnedAt == null ? now : resolveWarnedAt;
                found.add(slaEvent(SlaWarning.Deadline.RESOLVE, resolveBy, true, now));
            } else if (resolveWarnedAt == null && !now.isBefore(warnFrom(resolveBy, warningRatio))) {
                resolveWarnedAt = now;
                found.add(slaEvent(SlaWarning.Deadline.RESOLVE, resolveBy, false, now));
            }
        }
        return found;
    }

    private Instant warnFrom(Instant deadline, double ratio) {
        long targetMillis = java.time.Duration.between(openedAt, deadline).toMillis();
        return deadline.minusMillis(Math.round(targetMillis * ratio));
    }

    private SlaWarning slaEvent(SlaWarning.Deadline deadline, Instant due, boolean breached, Instant now) {
        String what = deadline == SlaWarning.Deadline.ACK ? "acknowledge" : "resolve";
        record(now, breached ? "SLA_BREACHED" : "SLA_WARNING", breached
                ? "The " + what + " deadline " + due + " has passed"
                : "The " + what + " deadline " + due + " is near", null);
        return new SlaWarning(id, customerId, deadline, due, breached, now);
    }

    Instant openedAt() {
        return openedAt;
    }

    Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    void escalate(String reason, List<String> escalatedTo, Instant now) {
        require(status == IncidentStatus.ROUTING, "escalate");
        status = IncidentStatus.ESCALATED;
        record(now, "ESCALATED", escalatedTo.isEmpty() ? reason
                : reason + "; escalated to " + String.join(", ", escalatedTo), null);
    }

    void resolve(String resolution, String actor, Instant now) {
        require(status != IncidentStatus.RESOLVED, "resolve");
        this.status = IncidentStatus.RESOLVED;
        this.resolution = resolution;
        this.resolvedAt = now;
        this.resolvedBy = assignee != null ? assignee : actor;
        record(now, "RESOLVED", resolution, actor);
    }

    private static String withReason(String what, String reason) {
        return reason == null || reason.isBlank() ? what : what + ": " + reason.trim();
    }

    void record(Instant at, String type, String detail, String actor) {
        timeline.add(new TimelineEntry(this, at, type, detail, actor));
    }

    /** @return true when this is the first acknowledgement, which is what time-to-acknowledge measures */
    private boolean assignTo(String engineerId, Instant now) {
        status = IncidentStatus.ASSIGNED;
        assignee = engineerId;
        if (acknowledgedAt == null) {
            acknowledgedAt = now;
            return true;
        }
        return false;
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new ConflictException("cannot " + action + " incident " + id + " while it is " + status);
        }
    }

    @Override
    public String getId() {
        return id;
    }


    String customerId() {
        return customerId;
    }

    String systemId() {
        return systemId;
    }

    String assignee() {
        return assignee;
    }

    IncidentStatus status() {
        return status;
    }

    Severity severity() {
        return severity;
    }

    IncidentUpdated updated(Instant at) {
        return updated(at, false, null);
    }

    /**
     * @param offersSettled see {@link IncidentUpdated#offersSettled()}
     * @param releasedAssignee see {@link IncidentUpdated#releasedAssignee()}
     */
    IncidentUpdated updated(Instant at, boolean offersSettled, String releasedAssignee) {
        return new IncidentUpdated(id, customerId, status, assignee, at, offersSettled, releasedAssignee);
    }

    /** The engineer working on it now: its assignee while it is ASSIGNED. */
    String workedOnBy() {
        return status == IncidentStatus.ASSIGNED ? assignee : null;
    }

    /** Routing may have offers ringing for it: it is not assigned (or resolved) yet. */
    boolean mayRing() {
        return status == IncidentStatus.OPEN || status == IncidentStatus.ROUTING || status == IncidentStatus.ESCALATED;
    }

    IncidentView view(boolean withTimeline) {
        List<TimelineView> entries = withTimeline ? timeline.stream().map(TimelineEntry::view).toList() : null;
        return new IncidentView(id, systemId, customerId, severity, title, description, status, assignee, openedAt,
                ackBy, resolveBy, acknowledgedAt, resolvedAt, resolution, resolvedBy, entries);
    }
}

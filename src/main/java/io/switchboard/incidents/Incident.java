package io.switchboard.incidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Persistable;

import io.switchboard.web.ConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/** The aggregate: every status change goes through a method here that checks it is allowed and records it. */
@Entity
@Table(name = "incident")
class Incident implements Persistable<String> {
    @Id
    private String id;
    private String systemId;
    private String customerId;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    private String title;
    @Lob
    private String description;
    @Enumerated(EnumType.STRING)
    private IncidentStatus status;
    private String assignee;
    private Instant openedAt;
    private Instant ackBy;
    private Instant resolveBy;
    private Instant acknowledgedAt;
    private Instant resolvedAt;
    @Lob
    private String resolution;
    private String resolvedBy;
    private boolean historical;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "incident_id", nullable = false)
    @OrderBy("id")
    private List<TimelineEntry> timeline = new ArrayList<>();

    @Transient
    private boolean isNew;

    protected Incident() {
    }

    static Incident open(String id, String systemId, String customerId, OpenIncident request,
            SlaSettings.Target sla, Instant now, String actor) {
        var incident = new Incident();
        incident.isNew = true;
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

    static Incident historical(String id, String customerId, HistoricalIncident history, Instant now) {
        var incident = new Incident();
        incident.isNew = true;
        incident.id = id;
        incident.systemId = history.systemId();
        incident.customerId = customerId;
        incident.severity = Severity.SEV4;
        incident.title = history.title().trim();
        incident.description = history.description() == null ? "" : history.description();
        incident.resolution = history.resolution();
        incident.status = IncidentStatus.RESOLVED;
        incident.assignee = history.resolvedBy();
        incident.resolvedBy = history.resolvedBy();
        incident.resolvedAt = history.resolvedAt() != null ? history.resolvedAt()
                : history.openedAt() != null ? history.openedAt() : now;
        incident.openedAt = history.openedAt() != null ? history.openedAt() : incident.resolvedAt;
        incident.historical = true;
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

    /** A dispatcher chose the engineer, overriding routing. */
    void assignedBy(String engineerId, String actor, String reason, Instant now) {
        require(status != IncidentStatus.RESOLVED, "assign");
        String previous = assignee;
        assignTo(engineerId, now);
        String what = previous == null || previous.equals(engineerId)
                ? "Assigned to " + engineerId : "Reassigned from " + previous + " to " + engineerId;
        record(now, previous == null ? "ASSIGNED" : "REASSIGNED", reason == null || reason.isBlank() ? what : what + ": " + reason, actor);
    }

    void escalate(String reason, Instant now) {
        require(status == IncidentStatus.ROUTING, "escalate");
        status = IncidentStatus.ESCALATED;
        record(now, "ESCALATED", reason, null);
    }

    void resolve(String resolution, String actor, Instant now) {
        require(status != IncidentStatus.RESOLVED, "resolve");
        this.status = IncidentStatus.RESOLVED;
        this.resolution = resolution;
        this.resolvedAt = now;
        this.resolvedBy = assignee != null ? assignee : actor;
        record(now, "RESOLVED", resolution, actor);
    }

    void record(Instant at, String type, String detail, String actor) {
        timeline.add(new TimelineEntry(at, type, detail, actor));
    }

    private void assignTo(String engineerId, Instant now) {
        status = IncidentStatus.ASSIGNED;
        assignee = engineerId;
        if (acknowledgedAt == null) {
            acknowledgedAt = now;
        }
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

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markNotNew() {
        isNew = false;
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
        return new IncidentUpdated(id, customerId, status, assignee, at);
    }

    ResolvedIncident asHistory() {
        return new ResolvedIncident(id, systemId, title, description, resolution, resolvedBy, resolvedAt);
    }

    IncidentView view(boolean withTimeline) {
        List<TimelineView> entries = withTimeline ? timeline.stream().map(TimelineEntry::view).toList() : null;
        return new IncidentView(id, systemId, customerId, severity, title, description, status, assignee, openedAt,
                ackBy, resolveBy, acknowledgedAt, resolvedAt, resolution, resolvedBy, entries);
    }
}

package io.switchboard.schedules;

import java.time.Instant;

import io.switchboard.persistence.AssignedId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dated exception to an engineer's weekly pattern: a holiday, a swapped shift, a weekend on call. */
@Entity
@Table(name = "duty_override")
class DutyOverride extends AssignedId {
    @Id
    private String id;
    private String engineerId;
    @Column(name = "starts_at")
    private Instant from;
    @Column(name = "ends_at")
    private Instant to;
    @Enumerated(EnumType.STRING)
    private OverrideKind kind;
    private String note;
    private Instant createdAt;

    protected DutyOverride() {
    }

    DutyOverride(String id, String engineerId, OverrideSpan span, String note, Instant now) {
        this.id = id;
        this.engineerId = engineerId;
        this.from = span.from();
        this.to = span.to();
        this.kind = span.kind();
        this.note = note;
        this.createdAt = now;
    }

    @Override
    public String getId() {
        return id;
    }

    String engineerId() {
        return engineerId;
    }

    OverrideSpan span() {
        return new OverrideSpan(from, to, kind);
    }

    OverrideView view() {
        return new OverrideView(id, from, to, kind, note);
    }
}

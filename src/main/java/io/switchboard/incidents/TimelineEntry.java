package io.switchboard.incidents;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "timeline_entry")
class TimelineEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id")
    private Incident incident;
    private Instant at;
    private String type;
    private String detail;
    private String actor;

    protected TimelineEntry() {
    }

    TimelineEntry(Incident incident, Instant at, String type, String detail, String actor) {
        this.incident = incident;
        this.at = at;
        this.type = type;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
        this.actor = actor;
    }

    TimelineView view() {
        return new TimelineView(at, type, detail, actor);
    }
}

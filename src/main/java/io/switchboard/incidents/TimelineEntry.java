package io.switchboard.incidents;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "timeline_entry")
class TimelineEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant at;
    private String type;
    private String detail;
    private String actor;

    protected TimelineEntry() {
    }

    TimelineEntry(Instant at, String type, String detail, String actor) {
        this.at = at;
        this.type = type;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
        this.actor = actor;
    }

    TimelineView view() {
        return new TimelineView(at, type, detail, actor);
    }
}

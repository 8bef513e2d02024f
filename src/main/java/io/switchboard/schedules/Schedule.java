package io.switchboard.schedules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.persistence.AssignedId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An engineer's weekly pattern; an engineer without one is always reachable (outside their overrides). */
@Entity
@Table(name = "engineer_schedule")
class Schedule extends AssignedId {
    @Id
    @Column(name = "engineer_id")
    private String engineerId;
    private Instant updatedAt;
    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "schedule_window", joinColumns = @JoinColumn(name = "engineer_id"))
    private List<ScheduleWindow> windows = new ArrayList<>();

    protected Schedule() {
    }

    Schedule(String engineerId) {
        this.engineerId = engineerId;
    }

    void replace(List<ScheduleWindow> newWindows, Instant now) {
        windows.clear();
        windows.addAll(newWindows);
        updatedAt = now;
    }

    @Override
    public String getId() {
        return engineerId;
    }

    List<ScheduleWindow> windows() {
        return List.copyOf(windows);
    }
}

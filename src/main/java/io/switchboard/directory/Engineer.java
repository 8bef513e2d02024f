package io.switchboard.directory;

import io.switchboard.persistence.AssignedId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.annotations.BatchSize;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "engineer")
class Engineer extends AssignedId {
    static final int DEFAULT_MAX_ACTIVE = 3;

    @Id
    private String id;
    private String name;
    private String email;
    private Double baseLat;
    private Double baseLon;
    private String timeZone;
    private int maxActive;
    @Enumerated(EnumType.STRING)
    private EngineerStatus status;
    private Instant updatedAt;
    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "engineer_skill", joinColumns = @JoinColumn(name = "engineer_id"))
    @Column(name = "skill")
    @BatchSize(size = 100)
    private List<String> skills = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "engineer_language", joinColumns = @JoinColumn(name = "engineer_id"))
    @Column(name = "language")
    @BatchSize(size = 100)
    private List<String> languages = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "engineer_system", joinColumns = @JoinColumn(name = "engineer_id"))
    @BatchSize(size = 100)
    private List<SystemLevel> systems = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "engineer_certification", joinColumns = @JoinColumn(name = "engineer_id"))
    @BatchSize(size = 100)
    private List<Certification> certifications = new ArrayList<>();

    protected Engineer() {
    }

    Engineer(String id, NewEngineer request, Instant now) {
        this.id = id;
        this.name = request.name().trim();
        this.status = request.status() == null ? EngineerStatus.AVAILABLE : request.status();
        this.maxActive = request.maxActive() == null ? DEFAULT_MAX_ACTIVE : request.maxActive();
        apply(new EngineerPatch(null, request.email(), request.skills(), request.systems(), request.certifications(),
                request.base(), request.timeZone(), request.languages(), null), now);
    }

    void apply(EngineerPatch patch, Instant now) {
        if (patch.name() != null) {
            name = patch.name().trim();
        }
        if (patch.email() != null) {
            email = patch.email();
        }
        if (patch.skills() != null) {
            skills = new ArrayList<>(patch.skills().stream().map(String::trim).distinct().toList());
        }
        if (patch.systems() != null) {
            systems = new ArrayList<>(patch.systems());
        }
        if (patch.certifications() != null) {
            certifications = new ArrayList<>(patch.certifications());
        }
        if (patch.base() != null) {
            baseLat = patch.base().lat();
            baseLon = patch.base().lon();
        }
        if (patch.timeZone() != null) {
            timeZone = patch.timeZone();
        }
        if (patch.languages() != null) {
            languages = new ArrayList<>(patch.languages());
        }
        if (patch.maxActive() != null) {
            maxActive = patch.maxActive();
        }
        updatedAt = now;
    }

    /** @return whether the status really changed */
    boolean changeStatus(EngineerStatus newStatus, Instant now) {
        if (status == newStatus) {
            return false;
        }
        status = newStatus;
        updatedAt = now;
        return true;
    }

    @Override
    public String getId() {
        return id;
    }

    List<SystemLevel> systems() {
        return systems;
    }

    EngineerView view(int activeIncidents) {
        GeoPoint base = baseLat == null ? null : new GeoPoint(baseLat, baseLon);
        return new EngineerView(id, name, email, List.copyOf(skills), List.copyOf(systems), List.copyOf(certifications),
                base, timeZone, List.copyOf(languages), maxActive, status, activeIncidents);
    }
}

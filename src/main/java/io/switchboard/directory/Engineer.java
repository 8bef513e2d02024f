package io.switchboard.directory;

import io.switchboard.persistence.AssignedId;

import java.time.Instant;
import java.util.List;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
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

    @Convert(converter = JsonListColumn.Strings.class)
    @Immutable
    private List<String> skills = List.of();

    @Convert(converter = JsonListColumn.Strings.class)
    @Immutable
    private List<String> languages = List.of();

    @Convert(converter = JsonListColumn.SystemLevels.class)
    @Immutable
    private List<SystemLevel> systems = List.of();

    @Convert(converter = JsonListColumn.Certifications.class)
    @Immutable
    private List<Certification> certifications = List.of();

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
            skills = patch.skills().stream().map(String::trim).distinct().toList();
        }
        if (patch.systems() != null) {
            systems = List.copyOf(patch.systems());
        }
        if (patch.certifications() != null) {
            certifications = List.copyOf(patch.certifications());
        }
        if (patch.base() != null) {
            baseLat = patch.base().lat();
            baseLon = patch.base().lon();
        }
        if (patch.timeZone() != null) {
            timeZone = patch.timeZone();
        }
        if (patch.languages() != null) {
            languages = List.copyOf(patch.languages());
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
        return new EngineerView(id, name, email, skills, systems, certifications, base, timeZone, languages, maxActive,
                status, activeIncidents);
    }
}

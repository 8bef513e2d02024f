package io.switchboard.incidents;

import java.io.Serializable;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An engineer who was offered or given the incident, and so may read it. */
@Entity
@Table(name = "incident_engineer")
@IdClass(IncidentEngineer.Key.class)
class IncidentEngineer {
    @Id
    private String incidentId;
    @Id
    private String engineerId;

    protected IncidentEngineer() {
    }

    record Key(String incidentId, String engineerId) implements Serializable {
    }
}

package io.switchboard.incidents;

public enum IncidentStatus {
    OPEN, ROUTING, ASSIGNED, RESOLVED, ESCALATED;

    public boolean isActive() {
        return this != RESOLVED;
    }
}

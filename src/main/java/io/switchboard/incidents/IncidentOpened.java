package io.switchboard.incidents;

/**
 * A new incident was stored.
 *
 * @param incident the incident as it was opened, so that routing ranks it without reading it back
 * @param product  the product of its system (null when the system names none), which the ranking weighs
 */
public record IncidentOpened(IncidentView incident, String product) {

    public String incidentId() {
        return incident.id();
    }
}

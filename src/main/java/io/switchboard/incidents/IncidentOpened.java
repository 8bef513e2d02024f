package io.switchboard.incidents;

/**
 * A new incident is being stored: published inside the opening's transaction, so what a listener writes commits with
 * the incident (routing rings the first wave there) and a listener that throws fails the opening.
 *
 * @param incident the incident as it was opened, so that routing ranks it without reading it back
 * @param product  the product of its system (null when the system names none), which the ranking weighs
 */
public record IncidentOpened(IncidentView incident, String product) {

    public String incidentId() {
        return incident.id();
    }
}

package io.switchboard.incidents;

import java.util.Map;

/** Figures per severity, counted from the database (the truth), over every live (not imported) incident. */
public interface IncidentStatistics {

    Map<Severity, Figures> perSeverity();

    /**
     * @param escalated incidents escalated at least once
     * @param mttaSeconds mean time from opening to the first accept or assignment; null when none yet
     * @param mttrSeconds mean time from opening to resolution; null when none yet
     */
    record Figures(long opened, long assigned, long resolved, long escalated, Double mttaSeconds, Double mttrSeconds) {
    }
}

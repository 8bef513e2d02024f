package io.switchboard.incidents;

import java.util.Collection;
import java.util.List;

/** Resolved incidents, read in pages, for whoever learns from history. */
public interface IncidentHistory {

    /** Incident ids in id order, a page at a time; the few not resolved yet are skipped by {@link #resolved}. */
    List<String> incidentIdsAfter(String afterId, int limit);

    List<ResolvedIncident> resolved(Collection<String> incidentIds);

    /** Changes whenever an incident is resolved or imported. */
    String fingerprint();
}

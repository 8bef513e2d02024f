package io.switchboard.alerts;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The engineers each live incident was offered or given to, for its live messages. Read from the database the first
 * time an incident has news, then kept up to date from the offers and assignments committed since, so the three or
 * four updates of an incident's life do not each read them again.
 *
 * <p>An engineer is added only to an incident already known, and waits while that incident is being read: one involved
 * by a commit before the read is in what the read finds, one involved after it is added once the read is in. Engineers
 * are never removed (whoever was involved may follow the incident), and a forgotten or evicted incident is simply read
 * again.
 */
final class KnownAudiences {
    private final int capacity;
    private final Map<String, Set<String>> engineersByIncident = new ConcurrentHashMap<>();

    /** @param capacity incidents kept at most; past it, all are forgotten and read again as they have news */
    KnownAudiences(int capacity) {
        this.capacity = capacity;
    }

    /** The engineers the incident was offered or given to, read with {@code fromDatabase} when it is not known yet. */
    Set<String> engineers(String incidentId, Supplier<Set<String>> fromDatabase) {
        if (engineersByIncident.size() >= capacity && !engineersByIncident.containsKey(incidentId)) {
            engineersByIncident.clear();
        }
        return Set.copyOf(engineersByIncident.computeIfAbsent(incidentId, id -> {
            Set<String> engineers = ConcurrentHashMap.newKeySet();
            engineers.addAll(fromDatabase.get());
            return engineers;
        }));
    }

    /** A committed offer or assignment: the engineer joins the incident's audience, if the incident is known. */
    void involved(String incidentId, String engineerId) {
        engineersByIncident.computeIfPresent(incidentId, (id, engineers) -> {
            engineers.add(engineerId);
            return engineers;
        });
    }

    /** The incident will have no more news worth keeping its audience for (it is resolved). */
    void forget(String incidentId) {
        engineersByIncident.remove(incidentId);
    }
}

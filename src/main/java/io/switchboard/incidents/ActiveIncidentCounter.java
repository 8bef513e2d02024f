package io.switchboard.incidents;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.directory.EngineerWorkload;

/** Answers the directory's question "how busy is this engineer?" from the assigned incidents. */
@Component
class ActiveIncidentCounter implements EngineerWorkload {
    private final Incidents incidents;

    ActiveIncidentCounter(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Integer> activeIncidents(Collection<String> engineerIds) {
        var counts = new HashMap<String, Integer>();
        if (!engineerIds.isEmpty()) {
            for (Object[] row : incidents.countActive(engineerIds.toArray(String[]::new))) {
                counts.put((String) row[0], ((Number) row[1]).intValue());
            }
        }
        return counts;
    }
}

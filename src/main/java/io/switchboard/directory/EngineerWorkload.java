package io.switchboard.directory;

import java.util.Collection;
import java.util.Map;

/** How many incidents each engineer is working on now; answered by the incidents module. */
public interface EngineerWorkload {
    Map<String, Integer> activeIncidents(Collection<String> engineerIds);
}

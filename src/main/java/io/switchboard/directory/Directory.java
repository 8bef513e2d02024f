package io.switchboard.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Questions other modules ask about customers, systems and engineers. */
public interface Directory {

    boolean customerExists(String customerId);

    boolean engineerExists(String engineerId);

    /** The ids among these that exist; cheap, for checking references in bulk. */
    java.util.Set<String> existingEngineerIds(Collection<String> engineerIds);

    Optional<SystemView> findSystem(String systemId);

    Optional<EngineerView> findEngineer(String engineerId);

    List<EngineerView> findEngineers(Collection<String> engineerIds);

    /** Status, capacity, load and time zone of those of these engineers who exist, in no particular order. */
    List<EngineerAvailability> availability(Collection<String> engineerIds);

    /** Those of these systems that exist, in no particular order. */
    List<SystemView> findSystems(Collection<String> systemIds);

    /** Engineer ids in pages, for rebuilding derived views. */
    List<String> engineerIds(int offset, int limit);

    long engineerCount();
}

package io.switchboard.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.switchboard.persistence.AfterCommit;

/**
 * Customer systems by id, remembered once read. Opening an incident, routing it and indexing it when resolved each
 * look its system up, and a system never changes once created (there is no update or delete), so a remembered one
 * cannot go stale. What a transaction reads is remembered only once it has committed: it may be a system that
 * transaction created and then rolls back. Unknown ids are not remembered, as the system may be created later.
 */
@Component
class KnownSystems {
    /** Enough for every system of a large installation; past it, further systems are read each time. */
    static final int MAX_REMEMBERED = 100_000;

    private final CustomerSystems systems;
    private final Map<String, SystemView> remembered = new ConcurrentHashMap<>();

    KnownSystems(CustomerSystems systems) {
        this.systems = systems;
    }

    Optional<SystemView> find(String systemId) {
        if (systemId == null) {
            return Optional.empty();
        }
        SystemView known = remembered.get(systemId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<SystemView> found = systems.findById(systemId).map(CustomerSystem::view);
        found.ifPresent(this::remember);
        return found;
    }

    /** The systems among {@code systemIds} that exist, in no particular order. */
    List<SystemView> find(Collection<String> systemIds) {
        List<SystemView> found = new ArrayList<>(systemIds.size());
        List<String> missing = new ArrayList<>();
        for (String id : new LinkedHashSet<>(systemIds)) {
            SystemView known = remembered.get(id);
            if (known != null) {
                found.add(known);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            for (CustomerSystem system : systems.findByIds(missing.toArray(String[]::new))) {
                SystemView view = system.view();
                found.add(view);
                remember(view);
            }
        }
        return found;
    }

    private void remember(SystemView system) {
        AfterCommit.run(() -> {
            if (remembered.size() < MAX_REMEMBERED) {
                remembered.put(system.id(), system);
            }
        });
    }
}

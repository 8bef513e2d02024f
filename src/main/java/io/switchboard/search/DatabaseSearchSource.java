package io.switchboard.search;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.springframework.stereotype.Component;

import io.switchboard.directory.Directory;
import io.switchboard.directory.EngineerView;
import io.switchboard.directory.SystemView;
import io.switchboard.incidents.IncidentHistory;
import io.switchboard.incidents.ResolvedIncident;
import io.switchboard.persistence.InChunks;

/** The database as the index sees it: engineers and resolved incidents, read in pages, turned into index records. */
@Component
class DatabaseSearchSource implements SearchSource {
    private static final int PAGE = 1_000;

    private final Directory directory;
    private final IncidentHistory history;

    DatabaseSearchSource(Directory directory, IncidentHistory history) {
        this.directory = directory;
        this.history = history;
    }

    @Override
    public Stream<IndexedEngineer> engineers() {
        return pages(offset -> directory.engineerIds(offset, PAGE), ids -> indexedEngineers(ids).stream());
    }

    @Override
    public Stream<IndexedIncident> resolvedIncidents() {
        var after = new String[] {""};
        return pages(offset -> {
            var ids = history.incidentIdsAfter(after[0], PAGE);
            if (!ids.isEmpty()) {
                after[0] = ids.getLast();
            }
            return ids;
        }, ids -> indexedIncidents(ids).stream());
    }

    @Override
    public String fingerprint() {
        return "engineers=" + directory.engineerCount() + ";resolved=" + history.fingerprint();
    }

    List<IndexedEngineer> indexedEngineers(Collection<String> engineerIds) {
        var engineers = InChunks.read(engineerIds, directory::findEngineers);
        var systems = systemsById(engineers.stream().flatMap(e -> e.systems().stream().map(s -> s.systemId())).toList());
        return engineers.stream().map(e -> toIndexed(e, systems)).toList();
    }

    List<IndexedIncident> indexedIncidents(Collection<String> incidentIds) {
        var incidents = history.resolved(incidentIds);
        var systems = systemsById(incidents.stream().map(ResolvedIncident::systemId).filter(id -> id != null).toList());
        return incidents.stream().map(i -> {
            var system = i.systemId() == null ? null : systems.get(i.systemId());
            return new IndexedIncident(i.id(), i.systemId(), system == null ? null : system.name(),
                    system == null ? null : system.product(), i.title(), i.description(), i.resolution(),
                    i.resolvedBy(), i.resolvedAt());
        }).toList();
    }

    private Map<String, SystemView> systemsById(Collection<String> ids) {
        var byId = new HashMap<String, SystemView>();
        if (!ids.isEmpty()) {
            directory.findSystems(new java.util.HashSet<>(ids)).forEach(s -> byId.put(s.id(), s));
        }
        return byId;
    }

    private static IndexedEngineer toIndexed(EngineerView e, Map<String, SystemView> systems) {
        var known = e.systems().stream().map(level -> {
            var system = systems.get(level.systemId());
            return system == null
                    ? new KnownSystem(level.systemId(), null, null, null, null, null, level.level())
                    : new KnownSystem(system.id(), system.name(), system.product(), system.version(),
                            system.customerId(), system.site() == null ? null : system.site().label(), level.level());
        }).toList();
        var certifications = e.certifications().stream().map(c -> new Certification(c.name(), c.expires())).toList();
        var base = e.base() == null ? null : new GeoPoint(e.base().lat(), e.base().lon());
        return new IndexedEngineer(e.id(), e.name(), e.email(), e.skills(), known, certifications, base, e.timeZone(),
                e.languages(), e.status().name());
    }

    /** A lazy stream over pages: the next page is read only when the consumer gets there. */
    private static <T> Stream<T> pages(java.util.function.IntFunction<List<String>> page,
            Function<List<String>, Stream<T>> expand) {
        var iterator = new java.util.Iterator<List<String>>() {
            int offset;
            List<String> next = page.apply(0);

            @Override
            public boolean hasNext() {
                return !next.isEmpty();
            }

            @Override
            public List<String> next() {
                var current = next;
                offset += current.size();
                next = current.size() < PAGE ? List.of() : page.apply(offset);
                return current;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false)
                .flatMap(expand);
    }
}

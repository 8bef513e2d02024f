package io.switchboard.directory;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.persistence.InChunks;
import io.switchboard.security.AccountReferences;
import io.switchboard.web.ConflictException;
import io.switchboard.web.InvalidInputException;
import io.switchboard.web.NotFoundException;
import io.switchboard.web.OffsetPage;

/** Keeps the directory consistent: every reference points at something that exists. */
@Service
public class DirectoryService implements Directory, AccountReferences {
    private final Customers customers;
    private final CustomerSystems systems;
    private final KnownSystems knownSystems;
    private final Engineers engineers;
    private final EngineerWorkload workload;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DirectoryService(Customers customers, CustomerSystems systems, KnownSystems knownSystems, Engineers engineers,
            EngineerWorkload workload, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.systems = systems;
        this.knownSystems = knownSystems;
        this.engineers = engineers;
        this.workload = workload;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CustomerView createCustomer(NewCustomer request) {
        String id = Ids.orNew(request.id());
        if (customers.existsById(id)) {
            throw new ConflictException("customer '" + id + "' already exists");
        }
        return customers.save(new Customer(id, request.name().trim(), clock.instant())).view();
    }

    @Transactional(readOnly = true)
    public List<CustomerView> allCustomers() {
        return customers.findAll().stream().map(Customer::view).toList();
    }

    @Transactional
    public SystemView createSystem(String customerId, NewSystem request) {
        checkSystem(customerId, request);
        String id = Ids.orNew(request.id());
        if (systems.existsById(id)) {
            throw new ConflictException("system '" + id + "' already exists");
        }
        return systems.save(new CustomerSystem(id, customerId, request, clock.instant())).view();
    }

    /** Throws when the system could not be created; touches nothing. */
    public void checkSystem(String customerId, NewSystem request) {
        if (customerId == null || !customers.existsById(customerId)) {
            throw InvalidInputException.field("customerId", "customer '" + customerId + "' does not exist");
        }
    }

    @Transactional(readOnly = true)
    public List<SystemView> systemsOf(String customerId) {
        return systems.findByCustomerIdOrderByName(customerId).stream().map(CustomerSystem::view).toList();
    }

    @Transactional(readOnly = true)
    public List<SystemView> allSystems() {
        return systems.findAll().stream().map(CustomerSystem::view).toList();
    }

    @Transactional
    public EngineerView createEngineer(NewEngineer request) {
        return createEngineers(List.of(request)).getFirst();
    }

    /** Creates a batch in one transaction and announces it with one event; all or nothing. */
    @Transactional
    public List<EngineerView> createEngineers(List<NewEngineer> requests) {
        var checked = check(requests);
        checked.problems().values().stream().findFirst().ifPresent(problem -> {
            throw problem;
        });
        return store(checked.ready()).stream().map(e -> e.view(0)).toList();
    }

    /**
     * Creates the engineers of a batch that can be created, in one transaction with one event, and says by
     * position in the batch why each of the others could not. Three queries for the checks, whatever the batch size.
     */
    @Transactional
    public Map<Integer, String> createValidEngineers(List<NewEngineer> requests) {
        var checked = check(requests);
        store(checked.ready());
        var rejected = new TreeMap<Integer, String>();
        checked.problems().forEach((index, problem) -> rejected.put(index, problem.getMessage()));
        return rejected;
    }

    private List<Engineer> store(List<Engineer> created) {
        engineers.saveAll(created);
        if (!created.isEmpty()) {
            events.publishEvent(new EngineersChanged(created.stream().map(Engineer::getId).toList()));
        }
        return created;
    }

    private record CheckedEngineers(List<Engineer> ready, Map<Integer, RuntimeException> problems) {
    }

    private CheckedEngineers check(List<NewEngineer> requests) {
        var knownSystems = knownSystems(requests.stream()
                .flatMap(r -> r.systems() == null ? Stream.empty() : r.systems().stream()).toList());
        var ids = requests.stream().map(r -> Ids.orNew(r.id())).toList();
        var taken = existingEngineerIds(requests.stream().map(NewEngineer::id).filter(Objects::nonNull).toList());
        var seen = new HashSet<String>();
        var ready = new ArrayList<Engineer>(requests.size());
        var problems = new TreeMap<Integer, RuntimeException>();
        for (int i = 0; i < requests.size(); i++) {
            var request = requests.get(i);
            String id = ids.get(i);
            try {
                checkReferences(request.systems(), request.timeZone(), knownSystems);
                if (taken.contains(id) || !seen.add(id)) {
                    throw new ConflictException("engineer '" + id + "' already exists");
                }
                ready.add(new Engineer(id, request, clock.instant()));
            } catch (InvalidInputException | ConflictException e) {
                problems.put(i, e);
            }
        }
        return new CheckedEngineers(ready, problems);
    }

    @Transactional
    public EngineerView patchEngineer(String engineerId, EngineerPatch patch) {
        checkReferences(patch.systems(), patch.timeZone(), knownSystems(patch.systems() == null ? List.of() : patch.systems()));
        var engineer = engineers.findById(engineerId).orElseThrow(() -> new NotFoundException("engineer", engineerId));
        engineer.apply(patch, clock.instant());
        events.publishEvent(new EngineersChanged(List.of(engineerId)));
        return withWorkload(List.of(engineer)).getFirst();
    }

    @Transactional
    public EngineerView changeStatus(String engineerId, EngineerStatus status) {
        var engineer = engineers.findById(engineerId).orElseThrow(() -> new NotFoundException("engineer", engineerId));
        if (engineer.changeStatus(status, clock.instant())) {
            events.publishEvent(new EngineerStatusChanged(engineerId, status, clock.instant()));
        }
        return withWorkload(List.of(engineer)).getFirst();
    }

    @Transactional(readOnly = true)
    public List<EngineerView> engineers(int offset, int limit) {
        return withWorkload(engineers.findAll(new OffsetPage(offset, limit,
                org.springframework.data.domain.Sort.by("name", "id"))).getContent());
    }

    @Override
    public boolean customerExists(String customerId) {
        return customerId != null && customers.existsById(customerId);
    }

    @Override
    public boolean engineerExists(String engineerId) {
        return engineerId != null && engineers.existsById(engineerId);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Set<String> existingEngineerIds(Collection<String> engineerIds) {
        return new HashSet<>(InChunks.readByArray(engineerIds, engineers::findExistingIds));
    }

    @Override
    public Optional<SystemView> findSystem(String systemId) {
        return knownSystems.find(systemId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<EngineerView> findEngineer(String engineerId) {
        return engineerId == null ? Optional.empty()
                : engineers.findById(engineerId).map(e -> withWorkload(List.of(e)).getFirst());
    }

    @Override
    @Transactional(readOnly = true)
    public List<EngineerView> findEngineers(Collection<String> engineerIds) {
        var byId = new java.util.HashMap<String, EngineerView>();
        withWorkload(engineers.findByIds(engineerIds.toArray(String[]::new))).forEach(view -> byId.put(view.id(), view));
        return engineerIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<EngineerAvailability> availability(Collection<String> engineerIds) {
        var rows = engineers.findAvailability(engineerIds.toArray(String[]::new));
        Map<String, Integer> active = workload.activeIncidents(engineerIds);
        return rows.stream().map(row -> {
            String id = (String) row[0];
            return new EngineerAvailability(id, EngineerStatus.valueOf((String) row[1]), ((Number) row[2]).intValue(),
                    active.getOrDefault(id, 0), (String) row[3]);
        }).toList();
    }

    @Override
    public List<SystemView> findSystems(Collection<String> systemIds) {
        return knownSystems.find(systemIds);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> engineerIds(int offset, int limit) {
        return engineers.findIds(new OffsetPage(offset, limit));
    }

    @Override
    public long engineerCount() {
        return engineers.count();
    }

    private List<EngineerView> withWorkload(List<Engineer> found) {
        Map<String, Integer> active = workload.activeIncidents(found.stream().map(Engineer::getId).toList());
        return found.stream().map(e -> e.view(active.getOrDefault(e.getId(), 0))).toList();
    }

    private Set<String> knownSystems(Collection<SystemLevel> levels) {
        var wanted = new HashSet<String>();
        levels.forEach(level -> wanted.add(level.systemId()));
        return new HashSet<>(InChunks.readByArray(wanted, systems::findExistingIds));
    }

    private static void checkReferences(List<SystemLevel> levels, String timeZone, Set<String> knownSystems) {
        if (timeZone != null) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                throw InvalidInputException.field("timeZone", "'" + timeZone + "' is not a time zone (e.g. Europe/Amsterdam)");
            }
        }
        if (levels == null || levels.isEmpty()) {
            return;
        }
        var unknown = new TreeSet<String>();
        levels.forEach(level -> {
            if (!knownSystems.contains(level.systemId())) {
                unknown.add(level.systemId());
            }
        });
        if (!unknown.isEmpty()) {
            throw InvalidInputException.field("systems", "unknown system(s): " + String.join(", ", unknown));
        }
    }
}

package io.switchboard.incidents;

import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.switchboard.directory.Directory;
import io.switchboard.directory.EngineerStatus;
import io.switchboard.directory.EngineerView;
import io.switchboard.directory.Ids;
import io.switchboard.directory.SystemView;
import io.switchboard.persistence.InChunks;
import io.switchboard.security.CurrentUser;
import io.switchboard.security.Role;
import io.switchboard.web.ConflictException;
import io.switchboard.web.ForbiddenException;
import io.switchboard.web.InvalidInputException;
import io.switchboard.web.NotFoundException;
import io.switchboard.web.OffsetPage;

@Service
public class IncidentService implements IncidentLifecycle, IncidentHistory, IncidentStatistics, SlaWatch {
    private final Incidents incidents;
    private final Directory directory;
    private final SlaSettings sla;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IncidentMetrics metrics;
    private final TransactionTemplate transactions;
    private final HistoryRows historyRows;

    IncidentService(Incidents incidents, Directory directory, SlaSettings sla, ApplicationEventPublisher events,
            Clock clock, IncidentMetrics metrics, TransactionTemplate transactions, HistoryRows historyRows) {
        this.historyRows = historyRows;
        this.metrics = metrics;
        this.transactions = transactions;
        this.incidents = incidents;
        this.directory = directory;
        this.sla = sla;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public IncidentView open(OpenIncident request, CurrentUser user) {
        SystemView system = directory.findSystem(request.systemId())
                .orElseThrow(() -> InvalidInputException.field("systemId", "system '" + request.systemId() + "' does not exist"));
        if (user.is(Role.CUSTOMER) && !system.customerId().equals(user.customerId())) {
            throw new ForbiddenException("you may only open incidents on your own systems");
        }
        if (!user.is(Role.CUSTOMER) && !user.isStaff()) {
            throw new ForbiddenException("your role may not open incidents");
        }
        String id = request.id() == null || request.id().isBlank() ? newId() : request.id();
        if (incidents.existsById(id)) {
            throw new ConflictException("incident '" + id + "' already exists");
        }
        var now = clock.instant();
        var incident = incidents.save(Incident.open(id, system.id(), system.customerId(), request,
                sla.target(request.severity()), now, user.username()));
        events.publishEvent(incident.updated(now));
        // Routing rings the first wave in this transaction, so what it changes is told after the opening itself.
        events.publishEvent(new IncidentOpened(incident.view(false), system.product()));
        return incident.view(true);
    }

    @Transactional(readOnly = true)
    public IncidentView read(String incidentId, CurrentUser user) {
        var incident = load(incidentId);
        checkMayRead(incident, user);
        return incident.view(true);
    }

    /** Who may see this incident and its live updates. */
    @Transactional(readOnly = true)
    public Audience audience(String incidentId, String customerId, String assignee) {
        var engineers = new java.util.HashSet<>(incidents.involvedEngineers(incidentId));
        if (assignee != null) {
            engineers.add(assignee);
        }
        return new Audience(customerId, engineers);
    }

    @Transactional(readOnly = true)
    public IncidentPage list(IncidentStatus status, String customerId, int limit, int offset, CurrentUser user) {
        String engineerId = null;
        if (user.is(Role.CUSTOMER)) {
            if (customerId != null && !customerId.equals(user.customerId())) {
                throw new ForbiddenException("you may only list your own incidents");
            }
            customerId = user.customerId();
        } else if (user.is(Role.ENGINEER)) {
            engineerId = user.engineerId();
        }
        var page = incidents.search(status, customerId, engineerId, new OffsetPage(offset, limit));
        return new IncidentPage(page.getTotalElements(), page.getContent().stream().map(i -> i.view(false)).toList());
    }

    @Transactional(readOnly = true)
    public List<IncidentView> assignedTo(String engineerId) {
        return incidents.findByAssigneeAndStatusOrderByOpenedAtDesc(engineerId, IncidentStatus.ASSIGNED).stream()
                .map(i -> i.view(false)).toList();
    }

    /**
     * A dispatcher's choice: overrides routing, may reassign. The dispatcher may also go past the engineer's status
     * or capacity (they know what routing cannot), and the timeline says so.
     */
    @Transactional
    public IncidentView assign(String incidentId, String engineerId, String reason, CurrentUser user) {
        var engineer = directory.findEngineer(engineerId)
                .orElseThrow(() -> InvalidInputException.field("engineerId", "engineer '" + engineerId + "' does not exist"));
        var incident = lockOrThrow(incidentId);
        var now = clock.instant();
        boolean firstAck = incident.acknowledgedAt() == null;
        boolean mayRing = incident.mayRing();
        String previous = incident.workedOnBy();
        incident.assignedBy(engineerId, user.username(), reason, limitsPassed(engineer), now);
        if (firstAck) {
            metrics.acknowledged(incident.severity(), incident.openedAt(), now);
        }
        incidents.involve(incidentId, engineerId);
        events.publishEvent(incident.updated(now, !mayRing, previous));
        return incident.view(true);
    }

    /** What taking one more incident would go past for this engineer, or null when nothing. */
    private static String limitsPassed(EngineerView engineer) {
        var passed = new ArrayList<String>();
        if (engineer.status() != EngineerStatus.AVAILABLE) {
            passed.add(engineer.id() + " is " + engineer.status());
        }
        if (engineer.activeIncidents() >= engineer.maxActive()) {
            passed.add(engineer.id() + " already works on " + engineer.activeIncidents() + " incident(s), limit "
                    + engineer.maxActive());
        }
        return passed.isEmpty() ? null : String.join(", ", passed);
    }

    @Transactional
    public IncidentView resolve(String incidentId, String resolution, CurrentUser user) {
        var incident = lockOrThrow(incidentId);
        boolean assignedEngineer = user.is(Role.ENGINEER) && user.engineerId() != null
                && user.engineerId().equals(incident.assignee());
        if (!user.isStaff() && !assignedEngineer) {
            throw new ForbiddenException("only the assigned engineer or a dispatcher may resolve this incident");
        }
        var now = clock.instant();
        boolean mayRing = incident.mayRing();
        String workedOnBy = incident.workedOnBy();
        incident.resolve(resolution.trim(), user.username(), now);
        metrics.resolved(incident.severity(), incident.openedAt(), now);
        events.publishEvent(incident.updated(now, !mayRing, workedOnBy));
        events.publishEvent(new IncidentsResolved(List.of(incidentId)));
        return incident.view(true);
    }

    /** Stores already-resolved incidents as history; a bad one is rejected alone. */
    @Transactional
    public ArchiveResult archive(List<HistoricalIncident> batch) {
        var rejected = new LinkedHashMap<Integer, String>();
        Set<String> ids = new HashSet<>();
        // The id-only look-ups first: the systems are entities, and every query after them would dirty-check them all.
        var engineerIds = new HashSet<String>();
        batch.forEach(h -> engineerIds.add(h.resolvedBy()));
        var knownEngineers = directory.existingEngineerIds(engineerIds);
        var explicitIds = batch.stream().map(HistoricalIncident::id).filter(id -> id != null && !id.isBlank()).toList();
        var existing = new HashSet<>(InChunks.readByArray(explicitIds, incidents::findExistingIds));
        Set<String> systemIds = new HashSet<>();
        batch.forEach(h -> {
            if (h.systemId() != null) {
                systemIds.add(h.systemId());
            }
        });
        Map<String, String> customerOfSystem = new HashMap<>();
        InChunks.read(systemIds, directory::findSystems).forEach(s -> customerOfSystem.put(s.id(), s.customerId()));

        var now = clock.instant();
        var stored = new ArrayList<HistoryRows.Row>();
        for (int i = 0; i < batch.size(); i++) {
            var h = batch.get(i);
            String id = h.id() == null || h.id().isBlank() ? newId() : h.id();
            if (h.systemId() != null && !customerOfSystem.containsKey(h.systemId())) {
                rejected.put(i, "systemId: system '" + h.systemId() + "' does not exist");
            } else if (!knownEngineers.contains(h.resolvedBy())) {
                rejected.put(i, "resolvedBy: engineer '" + h.resolvedBy() + "' does not exist");
            } else if (existing.contains(id) || !ids.add(id)) {
                rejected.put(i, "id: incident '" + id + "' already exists");
            } else {
                stored.add(HistoryRows.Row.of(id, customerOfSystem.get(h.systemId()), h, now));
            }
        }
        if (!stored.isEmpty()) {
            historyRows.insert(stored);
            events.publishEvent(new IncidentsResolved(stored.stream().map(HistoryRows.Row::id).toList()));
        }
        return new ArchiveResult(stored.size(), rejected);
    }

    @Override
    @Transactional(readOnly = true)
    public IncidentView get(String incidentId) {
        return load(incidentId).view(true);
    }

    @Override
    @Transactional(readOnly = true)
    public IncidentView summary(String incidentId) {
        return load(incidentId).view(false);
    }

    @Override
    @Transactional
    public IncidentView lock(String incidentId) {
        return lockOrThrow(incidentId).view(false);
    }

    @Override
    @Transactional
    public IncidentView startRouting(String incidentId) {
        var incident = lockedByCaller(incidentId);
        var now = clock.instant();
        incident.startRouting(now);
        events.publishEvent(incident.updated(now));
        return incident.view(false);
    }

    @Override
    @Transactional
    public void acceptOffer(String incidentId, String engineerId) {
        var incident = lockedByCaller(incidentId);
        var now = clock.instant();
        boolean firstAck = incident.acknowledgedAt() == null;
        incident.acceptedBy(engineerId, now);
        if (firstAck) {
            metrics.acknowledged(incident.severity(), incident.openedAt(), now);
        }
        // The accepting decision withdraws the other offers itself, in this transaction: nothing left for a reaction.
        events.publishEvent(incident.updated(now, true, null));
    }

    @Override
    @Transactional
    public void escalate(String incidentId, String reason, List<String> escalatedTo) {
        var incident = lockedByCaller(incidentId);
        var now = clock.instant();
        incident.escalate(reason, escalatedTo, now);
        metrics.escalated(incident.severity());
        events.publishEvent(new IncidentEscalated(incidentId, incident.customerId(), reason, List.copyOf(escalatedTo), now));
        events.publishEvent(incident.updated(now));
    }

    @Override
    @Transactional
    public void reroute(String incidentId, String reason, String actor) {
        var incident = lockedByCaller(incidentId);
        var now = clock.instant();
        incident.reroute(reason, actor, now);
        events.publishEvent(incident.updated(now));
    }

    @Override
    @Transactional
    public void broadcast(String incidentId, String reason, String actor) {
        var incident = lockedByCaller(incidentId);
        var now = clock.instant();
        incident.broadcast(reason, actor, now);
        events.publishEvent(incident.updated(now));
    }

    /**
     * Asks the database, without locks, which incidents have something due, and locks only those, each in its own
     * short transaction: the sweep runs every second and must not hold up accepts on incidents with nothing to say.
     */
    @Override
    public void checkDeadlines() {
        double ratio = sla.slaWarningRatio();
        var now = clock.instant();
        for (String incidentId : incidents.slaDue(now, ratio)) {
            transactions.executeWithoutResult(status -> incidents.findForUpdate(incidentId).ifPresent(incident -> {
                for (var warning : incident.checkSla(ratio, clock.instant())) {
                    events.publishEvent(warning);
                }
            }));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Severity, Figures> perSeverity() {
        var figures = new java.util.EnumMap<Severity, Figures>(Severity.class);
        for (var severity : Severity.values()) {
            figures.put(severity, new Figures(0, 0, 0, 0, null, null));
        }
        for (Object[] row : incidents.figuresPerSeverity()) {
            figures.put(Severity.valueOf((String) row[0]), new Figures(number(row[1]), number(row[2]), number(row[3]),
                    number(row[4]), seconds(row[5]), seconds(row[6])));
        }
        return figures;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double seconds(Object millis) {
        return millis == null ? null : ((Number) millis).doubleValue() / 1000.0;
    }

    @Override
    @Transactional
    public void note(String incidentId, String type, String detail, String actor) {
        load(incidentId).record(clock.instant(), type, detail, actor);
    }

    @Override
    @Transactional
    public void involve(String incidentId, Collection<String> engineerIds) {
        engineerIds.forEach(engineerId -> incidents.involve(incidentId, engineerId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> routingIncidentIds() {
        return incidents.idsInStatus(IncidentStatus.ROUTING);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> openIncidentIdsOpenedBefore(Instant before) {
        return incidents.idsInStatusOpenedBefore(IncidentStatus.OPEN, before);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> incidentIdsAfter(String afterId, int limit) {
        return incidents.idsAfter(afterId == null ? "" : afterId, PageRequest.of(0, limit));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ResolvedIncident> resolved(Collection<String> incidentIds) {
        return InChunks.readByArray(incidentIds, historyRows::resolved);
    }

    @Override
    @Transactional(readOnly = true)
    public String fingerprint() {
        return incidents.countByStatus(IncidentStatus.RESOLVED) + "@" + incidents.lastResolvedAt();
    }

    private Incident load(String incidentId) {
        return incidents.findById(incidentId).orElseThrow(() -> new NotFoundException("incident", incidentId));
    }

    /**
     * For routing, whose decisions {@link #lock} the incident first: no second locking read. Should a caller not have
     * locked it, the version check still refuses to overwrite a concurrent change.
     */
    private Incident lockedByCaller(String incidentId) {
        return load(incidentId);
    }

    private Incident lockOrThrow(String incidentId) {
        return incidents.findForUpdate(incidentId).orElseThrow(() -> new NotFoundException("incident", incidentId));
    }

    private void checkMayRead(Incident incident, CurrentUser user) {
        if (!audience(incident.getId(), incident.customerId(), incident.assignee()).includes(user)) {
            throw new ForbiddenException("you may not see incident " + incident.getId());
        }
    }

    private static String newId() {
        return "INC-" + Ids.orNew(null).replace("-", "").substring(0, 12).toUpperCase();
    }

    public record IncidentPage(long total, List<IncidentView> items) {
    }
}

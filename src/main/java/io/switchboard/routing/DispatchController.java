package io.switchboard.routing;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.switchboard.directory.DirectoryService;
import io.switchboard.directory.EngineerStatus;
import io.switchboard.directory.EngineerView;
import io.switchboard.incidents.IncidentStatistics;
import io.switchboard.incidents.IncidentView;
import io.switchboard.incidents.Severity;
import io.switchboard.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The dispatcher's levers on routing (re-route, broadcast, take an engineer off duty) and the figures to steer by. */
@RestController
@PreAuthorize("hasAnyRole('DISPATCHER','ADMIN')")
class DispatchController {
    private final Dispatcher dispatcher;
    private final DirectoryService directory;
    private final IncidentStatistics incidentFigures;
    private final Offers offers;

    DispatchController(Dispatcher dispatcher, DirectoryService directory, IncidentStatistics incidentFigures,
            Offers offers) {
        this.dispatcher = dispatcher;
        this.directory = directory;
        this.incidentFigures = incidentFigures;
        this.offers = offers;
    }

    @PostMapping("/api/incidents/{id}/reroute")
    IncidentView reroute(@PathVariable String id, @Valid @RequestBody(required = false) Reason reroute, CurrentUser user) {
        return dispatcher.reroute(id, reroute == null ? null : reroute.reason(), user.username());
    }

    @PostMapping("/api/incidents/{id}/broadcast")
    IncidentView broadcast(@PathVariable String id, @Valid @RequestBody(required = false) Reason broadcast,
            CurrentUser user) {
        return dispatcher.broadcast(id, broadcast == null ? null : broadcast.reason(), user.username());
    }

    @PutMapping("/api/engineers/{id}/status")
    EngineerView status(@PathVariable String id, @Valid @RequestBody StatusChange change, CurrentUser user) {
        var engineer = directory.changeStatus(id, change.status());
        dispatcher.engineerUnavailable(engineer.id(), change.status(), user.username());
        return engineer;
    }

    @GetMapping("/api/stats")
    Stats stats() {
        var perSeverity = incidentFigures.perSeverity();
        long made = 0, accepted = 0, declined = 0, expired = 0;
        for (Object[] row : offers.countByStatus()) {
            long count = ((Number) row[1]).longValue();
            made += count;
            switch ((OfferStatus) row[0]) {
                case ACCEPTED -> accepted = count;
                case DECLINED -> declined = count;
                case EXPIRED -> expired = count;
                default -> { }
            }
        }
        // Withdrawn offers (another engineer was faster, a dispatcher stepped in) say nothing about willingness,
        // so the rate counts only offers that were answered or ran out.
        long decided = accepted + declined + expired;
        long opened = perSeverity.values().stream().mapToLong(IncidentStatistics.Figures::opened).sum();
        long escalated = perSeverity.values().stream().mapToLong(IncidentStatistics.Figures::escalated).sum();
        return new Stats(perSeverity, new OfferFigures(made, accepted, declined, expired,
                decided == 0 ? null : (double) accepted / decided),
                opened == 0 ? null : (double) escalated / opened);
    }

    /** Why a dispatcher re-routes or broadcasts; optional, shown on the timeline. */
    record Reason(@Size(max = 500) String reason) {
    }

    record StatusChange(@NotNull EngineerStatus status) {
    }

    /** @param escalationRate incidents escalated at least once / incidents opened; null before the first */
    record Stats(Map<Severity, IncidentStatistics.Figures> perSeverity, OfferFigures offers, Double escalationRate) {
    }

    /** @param acceptanceRate accepted / (accepted + declined + expired); null before the first such offer */
    record OfferFigures(long made, long accepted, long declined, long expired, Double acceptanceRate) {
    }
}

package io.switchboard.incidents;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.switchboard.security.CurrentUser;
import io.switchboard.web.ForbiddenException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@Validated
class IncidentsController {
    private final IncidentService incidents;
    private final OpeningGate gate;

    IncidentsController(IncidentService incidents, OpeningGate gate) {
        this.incidents = incidents;
        this.gate = gate;
    }

    @PostMapping("/api/incidents")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('CUSTOMER','DISPATCHER','ADMIN')")
    IncidentView open(@Valid @RequestBody OpenIncident request, CurrentUser user) {
        return gate.open(request.severity(), () -> incidents.open(request, user));
    }

    @GetMapping("/api/incidents/{id}")
    IncidentView read(@PathVariable String id, CurrentUser user) {
        return incidents.read(id, user);
    }

    @GetMapping("/api/incidents")
    IncidentService.IncidentPage list(@RequestParam(required = false) IncidentStatus status,
            @RequestParam(required = false) String customerId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset, CurrentUser user) {
        return incidents.list(status, customerId, limit, offset, user);
    }

    @PostMapping("/api/incidents/{id}/assign")
    @PreAuthorize("hasAnyRole('DISPATCHER','ADMIN')")
    IncidentView assign(@PathVariable String id, @Valid @RequestBody Assignment request, CurrentUser user) {
        return incidents.assign(id, request.engineerId(), request.reason(), user);
    }

    @PostMapping("/api/incidents/{id}/resolve")
    @PreAuthorize("hasAnyRole('ENGINEER','DISPATCHER','ADMIN')")
    IncidentView resolve(@PathVariable String id, @Valid @RequestBody Resolution request, CurrentUser user) {
        return incidents.resolve(id, request.resolution(), user);
    }

    @GetMapping("/api/me/incidents")
    List<IncidentView> mine(CurrentUser user) {
        if (user.engineerId() == null) {
            throw new ForbiddenException("only engineers have incidents assigned to them");
        }
        return incidents.assignedTo(user.engineerId());
    }

    record Assignment(@NotBlank @Size(max = 64) String engineerId, @Size(max = 500) String reason) {
    }

    record Resolution(@NotBlank @Size(max = 20000) String resolution) {
    }
}

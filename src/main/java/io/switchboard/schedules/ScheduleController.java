package io.switchboard.schedules;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.switchboard.security.CurrentUser;
import io.switchboard.security.Role;
import io.switchboard.web.ForbiddenException;
import jakarta.validation.Valid;

/**
 * Schedules by engineer id for dispatchers and admins, and the engineer's own under /api/me/schedule. Each
 * mapping serves both paths; {@link #engineerId} decides whose schedule the caller may touch.
 */
@RestController
@PreAuthorize("hasAnyRole('DISPATCHER','ADMIN','ENGINEER')")
class ScheduleController {
    private static final String BY_ID = "/api/engineers/{id}/schedule";
    private static final String MINE = "/api/me/schedule";

    private final ScheduleService schedules;

    ScheduleController(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @GetMapping({BY_ID, MINE})
    ScheduleView schedule(@PathVariable(required = false) String id, CurrentUser user) {
        return schedules.view(engineerId(id, user));
    }

    @PutMapping({BY_ID, MINE})
    ScheduleView replace(@PathVariable(required = false) String id, @Valid @RequestBody WeeklyPattern pattern,
            CurrentUser user) {
        return schedules.replacePattern(engineerId(id, user), pattern);
    }

    @DeleteMapping({BY_ID, MINE})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removePattern(@PathVariable(required = false) String id, CurrentUser user) {
        schedules.removePattern(engineerId(id, user));
    }

    @PostMapping({BY_ID + "/overrides", MINE + "/overrides"})
    @ResponseStatus(HttpStatus.CREATED)
    OverrideView addOverride(@PathVariable(required = false) String id, @Valid @RequestBody NewOverride override,
            CurrentUser user) {
        return schedules.addOverride(engineerId(id, user), override);
    }

    @DeleteMapping({BY_ID + "/overrides/{overrideId}", MINE + "/overrides/{overrideId}"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeOverride(@PathVariable(required = false) String id, @PathVariable String overrideId, CurrentUser user) {
        schedules.removeOverride(engineerId(id, user), overrideId);
    }

    /** For the dispatcher board: who is working or on call at {@code at} (default now). */
    @GetMapping("/api/on-call")
    @PreAuthorize("hasAnyRole('DISPATCHER','ADMIN')")
    OnDutyBoard onCall(@RequestParam(required = false) Instant at, @RequestParam(required = false) String systemId) {
        return schedules.onDuty(at, systemId);
    }

    /** By id for dispatchers and admins; the own one (no id) for an engineer linked to an engineer record. */
    private static String engineerId(String id, CurrentUser user) {
        if (id != null) {
            if (!user.isStaff()) {
                throw new ForbiddenException("only dispatchers and admins see others' schedules; use /api/me/schedule");
            }
            return id;
        }
        if (!user.is(Role.ENGINEER) || user.engineerId() == null) {
            throw new ForbiddenException("/api/me/schedule is for engineers' own schedules");
        }
        return user.engineerId();
    }
}

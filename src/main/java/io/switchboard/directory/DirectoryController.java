package io.switchboard.directory;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.switchboard.security.CurrentUser;
import io.switchboard.security.Role;
import io.switchboard.web.ForbiddenException;
import io.switchboard.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@Validated
class DirectoryController {
    private final DirectoryService directory;

    DirectoryController(DirectoryService directory) {
        this.directory = directory;
    }

    @PostMapping("/api/customers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    CustomerView createCustomer(@Valid @RequestBody NewCustomer request) {
        return directory.createCustomer(request);
    }

    @GetMapping("/api/customers")
    @PreAuthorize("hasAnyRole('ADMIN','DISPATCHER')")
    List<CustomerView> customers() {
        return directory.allCustomers();
    }

    @PostMapping("/api/customers/{customerId}/systems")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    SystemView createSystem(@PathVariable String customerId, @Valid @RequestBody NewSystem request) {
        if (!directory.customerExists(customerId)) {
            throw new NotFoundException("customer", customerId);
        }
        return directory.createSystem(customerId, request);
    }

    @GetMapping("/api/customers/{customerId}/systems")
    List<SystemView> systemsOf(@PathVariable String customerId, CurrentUser user) {
        if (user.is(Role.CUSTOMER) && !customerId.equals(user.customerId())) {
            throw new ForbiddenException("you may only see your own systems");
        }
        if (!directory.customerExists(customerId)) {
            throw new NotFoundException("customer", customerId);
        }
        return directory.systemsOf(customerId);
    }

    /** The systems the caller may see: a customer's own, everyone's for staff and engineers. */
    @GetMapping("/api/systems")
    List<SystemView> systems(CurrentUser user) {
        return user.is(Role.CUSTOMER) ? directory.systemsOf(user.customerId()) : directory.allSystems();
    }

    @GetMapping("/api/systems/{id}")
    SystemView system(@PathVariable String id, CurrentUser user) {
        var system = directory.findSystem(id).orElseThrow(() -> new NotFoundException("system", id));
        if (user.is(Role.CUSTOMER) && !system.customerId().equals(user.customerId())) {
            throw new ForbiddenException("you may only see your own systems");
        }
        return system;
    }

    @PostMapping("/api/engineers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    EngineerView createEngineer(@Valid @RequestBody NewEngineer request) {
        return directory.createEngineer(request);
    }

    @GetMapping("/api/engineers")
    @PreAuthorize("hasAnyRole('ADMIN','DISPATCHER')")
    Page<EngineerView> engineers(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return new Page<>(directory.engineerCount(), directory.engineers(offset, limit));
    }

    @GetMapping("/api/engineers/{id}")
    EngineerView engineer(@PathVariable String id, CurrentUser user) {
        boolean self = user.is(Role.ENGINEER) && id.equals(user.engineerId());
        if (!user.isStaff() && !self) {
            throw new ForbiddenException("you may only see your own engineer record");
        }
        return directory.findEngineer(id).orElseThrow(() -> new NotFoundException("engineer", id));
    }

    @PatchMapping("/api/engineers/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    EngineerView patchEngineer(@PathVariable String id, @Valid @RequestBody EngineerPatch patch) {
        return directory.patchEngineer(id, patch);
    }

    record Page<T>(long total, List<T> items) {
    }
}

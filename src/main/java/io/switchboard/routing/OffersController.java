package io.switchboard.routing;

import java.util.List;

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
import io.switchboard.security.CurrentUser;
import io.switchboard.web.ForbiddenException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The engineer's side of routing: presence, offers, accept and decline. */
@RestController
@PreAuthorize("hasRole('ENGINEER')")
class OffersController {
    private final Dispatcher dispatcher;
    private final DirectoryService directory;

    OffersController(Dispatcher dispatcher, DirectoryService directory) {
        this.dispatcher = dispatcher;
        this.directory = directory;
    }

    @PutMapping("/api/me/status")
    EngineerView status(@Valid @RequestBody StatusChange change, CurrentUser user) {
        var engineer = directory.changeStatus(engineerId(user), change.status());
        dispatcher.engineerUnavailable(engineer.id(), change.status(), user.username());
        return engineer;
    }

    @GetMapping("/api/me/offers")
    List<PendingOffer> offers(CurrentUser user) {
        return dispatcher.pendingFor(engineerId(user));
    }

    @PostMapping("/api/offers/{offerId}/accept")
    Answer accept(@PathVariable String offerId, CurrentUser user) {
        dispatcher.accept(offerId, engineerId(user));
        return new Answer(offerId, OfferStatus.ACCEPTED);
    }

    @PostMapping("/api/offers/{offerId}/decline")
    Answer decline(@PathVariable String offerId, @Valid @RequestBody(required = false) Decline decline, CurrentUser user) {
        dispatcher.decline(offerId, engineerId(user), decline == null ? null : decline.reason());
        return new Answer(offerId, OfferStatus.DECLINED);
    }

    private static String engineerId(CurrentUser user) {
        if (user.engineerId() == null) {
            throw new ForbiddenException("this account is not linked to an engineer");
        }
        return user.engineerId();
    }

    record StatusChange(@NotNull EngineerStatus status) {
    }

    record Decline(@Size(max = 500) String reason) {
    }

    record Answer(String offerId, OfferStatus status) {
    }
}

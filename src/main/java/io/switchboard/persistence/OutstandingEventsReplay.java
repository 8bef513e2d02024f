package io.switchboard.persistence;

import java.time.Instant;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Hands events that were stored but not handled before the last stop to their listeners again, once the application
 * is ready. Spring Modulith's own republish-on-restart runs while the context is still starting, before the search
 * index is open and routing has swept, so a replayed reaction would meet a half-started server. Only publications from
 * before this start are replayed: a newer one belongs to a request being handled right now.
 */
@Component
class OutstandingEventsReplay {
    private final IncompleteEventPublications incomplete;
    private final Instant started = Instant.now();

    OutstandingEventsReplay(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @EventListener(ApplicationReadyEvent.class)
    void replay() {
        incomplete.resubmitIncompletePublications(publication -> publication.getPublicationDate().isBefore(started));
    }
}

package io.switchboard.alerts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.AbstractSubProtocolEvent;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import java.time.Clock;

import io.switchboard.directory.EngineerConnectionChanged;
import io.switchboard.security.CurrentUser;
import io.switchboard.security.CurrentUsers;
import io.switchboard.security.Role;

/**
 * Tells routing when an engineer's first live session opens and their last one closes. An engineer may have
 * several tabs open; only the count going 0 → 1 or 1 → 0 changes anything, so a reloaded tab is no blip.
 */
@Component
class EngineerConnections {
    /** Open STOMP session ids per engineer. */
    private final Map<String, java.util.Set<String>> sessions = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EngineerConnections(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(SessionConnectedEvent connected) {
        engineerOf(connected).ifPresent(engineerId -> {
            String sessionId = sessionId(connected);
            boolean[] first = {false};
            sessions.compute(engineerId, (id, open) -> {
                var set = open == null ? ConcurrentHashMap.<String>newKeySet() : open;
                first[0] = set.isEmpty();
                set.add(sessionId);
                return set;
            });
            if (first[0]) {
                events.publishEvent(new EngineerConnectionChanged(engineerId, true, clock.instant()));
            }
        });
    }

    @EventListener
    void on(SessionDisconnectEvent disconnected) {
        engineerOf(disconnected).ifPresent(engineerId -> {
            boolean[] last = {false};
            sessions.computeIfPresent(engineerId, (id, open) -> {
                last[0] = open.remove(disconnected.getSessionId()) && open.isEmpty();
                return open.isEmpty() ? null : open;
            });
            if (last[0]) {
                events.publishEvent(new EngineerConnectionChanged(engineerId, false, clock.instant()));
            }
        });
    }

    private static java.util.Optional<String> engineerOf(AbstractSubProtocolEvent event) {
        return CurrentUsers.of(event.getUser())
                .filter(user -> user.is(Role.ENGINEER) && user.engineerId() != null)
                .map(CurrentUser::engineerId);
    }

    private static String sessionId(SessionConnectedEvent event) {
        return org.springframework.messaging.simp.SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders());
    }
}

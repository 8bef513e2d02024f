package io.switchboard.alerts;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import io.switchboard.directory.EngineerConnectionChanged;
import io.switchboard.security.CurrentUser;
import io.switchboard.security.CurrentUsers;
import io.switchboard.security.Role;

/**
 * Who is connected over STOMP, indexed by what a message's audience is made of (an engineer, a customer, the staff),
 * so a message costs a look-up per reader instead of a pass over every connected user. Also tells routing when an
 * engineer's first live session opens and their last one closes: an engineer may have several tabs open, and only
 * the count going 0 → 1 or 1 → 0 changes anything, so a reloaded tab is no blip.
 */
@Component
class ConnectedUsers {
    private static final String STAFF = "staff";

    /** Audience key ("staff", "customer:C1", "engineer:E1") → open session id → username. */
    private final Map<String, Map<String, String>> sessions = new ConcurrentHashMap<>();
    /** Session id → the user who opened it, so a disconnect finds its keys again. */
    private final Map<String, CurrentUser> owners = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConnectedUsers(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(SessionConnectedEvent connected) {
        CurrentUsers.of(connected.getUser()).ifPresent(user -> {
            String sessionId = SimpMessageHeaderAccessor.getSessionId(connected.getMessage().getHeaders());
            owners.put(sessionId, user);
            boolean[] first = {false};
            sessions.compute(keyOf(user), (key, open) -> {
                var map = open == null ? new ConcurrentHashMap<String, String>() : open;
                first[0] = map.isEmpty();
                map.put(sessionId, user.username());
                return map;
            });
            if (first[0] && isEngineer(user)) {
                events.publishEvent(new EngineerConnectionChanged(user.engineerId(), true, clock.instant()));
            }
        });
    }

    @EventListener
    void on(SessionDisconnectEvent disconnected) {
        var user = owners.remove(disconnected.getSessionId());
        if (user == null) {
            return;
        }
        boolean[] last = {false};
        sessions.computeIfPresent(keyOf(user), (key, open) -> {
            last[0] = open.remove(disconnected.getSessionId()) != null && open.isEmpty();
            return open.isEmpty() ? null : open;
        });
        if (last[0] && isEngineer(user)) {
            events.publishEvent(new EngineerConnectionChanged(user.engineerId(), false, clock.instant()));
        }
    }

    /** Usernames connected as this engineer. */
    Set<String> engineer(String engineerId) {
        return usernames("engineer:" + engineerId);
    }

    /** Usernames connected as this customer. */
    Set<String> customer(String customerId) {
        return usernames("customer:" + customerId);
    }

    /** Usernames of the connected dispatchers and admins. */
    Set<String> staff() {
        return usernames(STAFF);
    }

    private Set<String> usernames(String key) {
        var open = sessions.get(key);
        return open == null ? Set.of() : Set.copyOf(open.values());
    }

    private static boolean isEngineer(CurrentUser user) {
        return user.is(Role.ENGINEER) && user.engineerId() != null;
    }

    private static String keyOf(CurrentUser user) {
        return switch (user.role()) {
            case ADMIN, DISPATCHER -> STAFF;
            case CUSTOMER -> "customer:" + user.customerId();
            case ENGINEER -> "engineer:" + user.engineerId();
        };
    }
}

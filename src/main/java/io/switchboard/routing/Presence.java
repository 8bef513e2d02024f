package io.switchboard.routing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.switchboard.directory.EngineerConnectionChanged;

/**
 * Which engineers have a live connection now. Kept in memory, not in the database: a connection does not
 * survive a restart either, and after one everybody counts as disconnected until their browser reconnects.
 */
@Component
class Presence {
    private final Set<String> connected = ConcurrentHashMap.newKeySet();

    // A plain listener: the fact comes from a WebSocket session, outside any transaction, and losing it on a
    // crash loses nothing (the connection is gone too).
    @EventListener
    void on(EngineerConnectionChanged changed) {
        if (changed.connected()) {
            connected.add(changed.engineerId());
        } else {
            connected.remove(changed.engineerId());
        }
    }

    boolean isConnected(String engineerId) {
        return connected.contains(engineerId);
    }
}

package io.switchboard.routing;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.switchboard.directory.EngineersChanged;
import io.switchboard.incidents.IncidentUpdated;
import io.switchboard.persistence.AfterCommit;

/**
 * Engineers a routing decision found at their limit (assigned + ringing = max active), whom the next rankings leave
 * out. Under a storm the best ranked for a system are the ones already working on it: at 100 incidents a second a
 * decision read and locked two full engineers, one at a time, before it found a free one, and ranked a second time,
 * deeper, for one incident in nine (bench README, "Eighteenth look").
 *
 * <p>A finding is forgotten once that engineer's load drops (an offer of theirs declined, expired or withdrawn, an
 * incident of theirs resolved or handed to someone else, their profile changed), after that change has committed, and
 * in any case after {@code switchboard.routing.skip-full-for}, which bounds how long a change heard of otherwise (or
 * read by a decision just before it committed) can keep an engineer out. Only a hint: whoever is rung is still checked
 * under their lock against the database.
 */
@Component
class FullEngineers {
    private final ConcurrentHashMap<String, Long> fullUntil = new ConcurrentHashMap<>();
    private final long rememberNanos;
    private final LongSupplier nanoTime;

    @Autowired
    FullEngineers(RoutingSettings settings) {
        this(settings.skipFullFor(), System::nanoTime);
    }

    FullEngineers(Duration remember, LongSupplier nanoTime) {
        this.rememberNanos = remember.toNanos();
        this.nanoTime = nanoTime;
    }

    void foundFull(String engineerId) {
        if (rememberNanos > 0) {
            fullUntil.put(engineerId, nanoTime.getAsLong() + rememberNanos);
        }
    }

    /** The engineers to leave out of a ranking now. */
    Set<String> current() {
        if (fullUntil.isEmpty()) {
            return Set.of();
        }
        long now = nanoTime.getAsLong();
        var full = new HashSet<String>();
        fullUntil.forEach((engineerId, until) -> {
            if (until - now > 0) {
                full.add(engineerId);
            } else {
                fullUntil.remove(engineerId, until);
            }
        });
        return full;
    }

    @EventListener
    void on(OfferDeclined declined) {
        loadDropped(declined.engineerId());
    }

    /** Withdrawn for any reason, expiry included. */
    @EventListener
    void on(OfferWithdrawn withdrawn) {
        loadDropped(withdrawn.engineerId());
    }

    @EventListener
    void on(IncidentUpdated updated) {
        if (updated.releasedAssignee() != null) {
            loadDropped(updated.releasedAssignee());
        }
    }

    /** A higher limit, for one. */
    @EventListener
    void on(EngineersChanged changed) {
        AfterCommit.run(() -> changed.engineerIds().forEach(fullUntil::remove));
    }

    private void loadDropped(String engineerId) {
        AfterCommit.run(() -> fullUntil.remove(engineerId));
    }
}

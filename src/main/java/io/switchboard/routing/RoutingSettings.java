package io.switchboard.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.switchboard.incidents.Severity;

/**
 * How incidents are offered.
 *
 * @param sweepInterval how often expired offers and stalled incidents are looked for
 * @param policies one policy per severity
 * @param broadcastLimit most engineers one dispatcher broadcast rings at once
 * @param skipFullFor how long rankings leave out an engineer a decision found at their limit, unless their load drops
 *        first (see {@link FullEngineers}); 0 checks every ranked engineer every time
 */
@ConfigurationProperties("switchboard.routing")
record RoutingSettings(Duration sweepInterval, Map<Severity, Policy> policies, int broadcastLimit, Duration skipFullFor) {

    RoutingSettings {
        if (broadcastLimit < 1) {
            throw new IllegalArgumentException("switchboard.routing.broadcast-limit must be at least 1");
        }
        if (skipFullFor == null || skipFullFor.isNegative()) {
            throw new IllegalArgumentException("switchboard.routing.skip-full-for must be 0 or more");
        }
    }

    /**
     * @param waveSize engineers offered at once
     * @param offerTimeout how long an offer rings before it expires
     * @param maxWaves waves before the incident escalates to dispatchers
     * @param minScore lowest recommendation score that counts as qualified (0 = anyone the ranking finds)
     * @param reach whom engineers' schedules let this severity ring
     * @param escalateTo usernames (dispatchers, admins) told in person when an incident of this severity escalates
     */
    record Policy(int waveSize, Duration offerTimeout, int maxWaves, double minScore, Reach reach,
            List<String> escalateTo) {
        Policy {
            escalateTo = escalateTo == null ? List.of() : List.copyOf(escalateTo);
            if (waveSize < 1 || maxWaves < 1 || offerTimeout == null || offerTimeout.isNegative() || offerTimeout.isZero()) {
                throw new IllegalArgumentException("a routing policy needs wave-size >= 1, max-waves >= 1 and a positive offer-timeout");
            }
            if (reach == null) {
                throw new IllegalArgumentException("a routing policy needs reach: WORKING_HOURS or ON_CALL");
            }
        }

        boolean ringsOnCall() {
            return reach == Reach.ON_CALL;
        }
    }

    /** WORKING_HOURS rings engineers in their working hours; ON_CALL also those in an on-call window. */
    enum Reach {
        WORKING_HOURS, ON_CALL
    }

    Policy policy(Severity severity) {
        var policy = policies == null ? null : policies.get(severity);
        if (policy == null) {
            throw new IllegalStateException("switchboard.routing.policies." + severity + " is not configured");
        }
        return policy;
    }
}

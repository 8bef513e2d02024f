package io.switchboard.incidents;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many incidents may be in the middle of opening at once, and how long a new one may wait for its turn before it
 * is refused with a 503: the bound on the backlog a storm can build up.
 *
 * @param maxConcurrent openings (stored, ranked, first wave rung) running at the same time
 * @param maxWait per severity, how long an opening waits for its turn in a burst the server works off; a missing
 *        severity waits two seconds
 * @param overloadAfter openings that have had to queue for their turn without a break for this long mean the server
 *        is past its capacity, not in a burst
 * @param overloadWait per severity, how long an opening waits while the server is past its capacity; a missing
 *        severity waits as long as in a burst
 * @param overloadRetryAfter while the server is past its capacity, a refusal's Retry-After is a random time between
 *        this and twice this (in a burst it is the wait): clients refused together then do not come back together,
 *        and do not come back before the server had time to work off its queue
 */
@ConfigurationProperties("switchboard.incidents.admission")
record AdmissionSettings(Integer maxConcurrent, Map<Severity, Duration> maxWait, Duration overloadAfter,
        Map<Severity, Duration> overloadWait, Duration overloadRetryAfter) {
    private static final String PREFIX = "switchboard.incidents.admission.";
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(2);

    AdmissionSettings {
        if (maxConcurrent == null) {
            maxConcurrent = 20;
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException(PREFIX + "max-concurrent must be at least 1");
        }
        overloadAfter = duration("overload-after", overloadAfter, Duration.ofSeconds(5));
        overloadRetryAfter = duration("overload-retry-after", overloadRetryAfter, Duration.ofSeconds(5));
        maxWait = perSeverity("max-wait", maxWait, Map.of());
        overloadWait = perSeverity("overload-wait", overloadWait, maxWait);
    }

    private static Map<Severity, Duration> perSeverity(String name, Map<Severity, Duration> given,
            Map<Severity, Duration> fallback) {
        var waits = new EnumMap<Severity, Duration>(Severity.class);
        for (Severity severity : Severity.values()) {
            waits.put(severity, duration(name + "." + severity, given == null ? null : given.get(severity),
                    fallback.getOrDefault(severity, DEFAULT_WAIT)));
        }
        return Map.copyOf(waits);
    }

    /** The setting as given, or its default when not; never negative. */
    private static Duration duration(String name, Duration given, Duration fallback) {
        if (given != null && given.isNegative()) {
            throw new IllegalArgumentException(PREFIX + name + " must not be negative");
        }
        return given != null ? given : fallback;
    }

    Duration maxWait(Severity severity, boolean overloaded) {
        return (overloaded ? overloadWait : maxWait).get(severity);
    }
}

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
 * @param maxWait per severity, how long an opening waits for one of those before it is refused; a missing severity
 *        waits one second
 */
@ConfigurationProperties("switchboard.incidents.admission")
record AdmissionSettings(Integer maxConcurrent, Map<Severity, Duration> maxWait) {
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

    AdmissionSettings {
        if (maxConcurrent == null) {
            maxConcurrent = 20;
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("switchboard.incidents.admission.max-concurrent must be at least 1");
        }
        var waits = new EnumMap<Severity, Duration>(Severity.class);
        for (Severity severity : Severity.values()) {
            Duration wait = maxWait == null ? null : maxWait.get(severity);
            if (wait != null && wait.isNegative()) {
                throw new IllegalArgumentException("switchboard.incidents.admission.max-wait." + severity
                        + " must not be negative");
            }
            waits.put(severity, wait == null ? DEFAULT_WAIT : wait);
        }
        maxWait = Map.copyOf(waits);
    }

    Duration maxWait(Severity severity) {
        return maxWait.get(severity);
    }
}

package io.switchboard.incidents;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Service-level targets per severity: acknowledge (accepted by an engineer) and resolve, counted from opening. */
@ConfigurationProperties("switchboard.incidents")
record SlaSettings(Map<Severity, Target> sla) {

    record Target(Duration acknowledgeWithin, Duration resolveWithin) {
    }

    Target target(Severity severity) {
        var target = sla == null ? null : sla.get(severity);
        if (target == null) {
            throw new IllegalStateException("switchboard.incidents.sla." + severity + " is not configured");
        }
        return target;
    }
}

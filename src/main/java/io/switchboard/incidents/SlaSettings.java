package io.switchboard.incidents;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Service-level targets per severity: acknowledge (accepted by an engineer) and resolve, counted from opening. */
@ConfigurationProperties("switchboard.incidents")
record SlaSettings(Map<Severity, Target> sla, Double slaWarningRatio) {

    SlaSettings {
        if (slaWarningRatio == null) {
            slaWarningRatio = 0.2;
        }
        if (slaWarningRatio < 0 || slaWarningRatio >= 1) {
            throw new IllegalArgumentException("switchboard.incidents.sla-warning-ratio must be at least 0 and below 1");
        }
    }

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

package io.switchboard.schedules;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param maxOverride the longest a single dated override may last */
@ConfigurationProperties("switchboard.schedules")
record ScheduleSettings(Duration maxOverride) {
    ScheduleSettings {
        if (maxOverride == null || maxOverride.isNegative() || maxOverride.isZero()) {
            throw new IllegalArgumentException("switchboard.schedules.max-override must be a positive duration");
        }
    }
}

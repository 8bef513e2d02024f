package io.switchboard.schedules;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ScheduleSettings.class)
class SchedulesConfiguration {
}

package io.switchboard.persistence;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(HousekeepingSettings.class)
class PersistenceConfiguration {
}

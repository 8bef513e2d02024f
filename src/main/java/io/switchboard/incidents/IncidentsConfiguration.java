package io.switchboard.incidents;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({ SlaSettings.class, AdmissionSettings.class })
class IncidentsConfiguration {
}

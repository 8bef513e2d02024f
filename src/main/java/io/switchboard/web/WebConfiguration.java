package io.switchboard.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.cfg.EnumFeature;

@Configuration
@EnableConfigurationProperties(WebSettings.class)
class WebConfiguration {

    /** An enum is given by name: {@code "severity": 1} is a mistake, not SEV2 (Jackson would take it as an index). */
    @Bean
    JsonMapperBuilderCustomizer enumsByNameOnly() {
        return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}

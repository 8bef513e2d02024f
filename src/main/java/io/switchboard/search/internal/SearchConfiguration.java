package io.switchboard.search.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import io.switchboard.search.SearchSettings;

/** Binds {@code switchboard.search.*} to {@link SearchSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchSettings.class)
class SearchConfiguration {}

package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.config.observation.SecurityObservationSettings;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;

/**
 * What is measured for every request stays cheap: each request is timed as a whole (http.server.requests), not each
 * security filter and repository call inside it (bench README, twenty-third look).
 */
@IntegrationTest
class PerRequestInstrumentationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SecurityObservationSettings securityObservations;

    @Autowired
    MeterRegistry meters;

    @Test
    void springSecurityObservesNeitherRequestsNorAuthenticationsNorAuthorizations() {
        // A predicate that turns these observations off by name leaves Spring Security wrapping each filter anyway.
        assertThat(securityObservations.shouldObserveRequests()).isFalse();
        assertThat(securityObservations.shouldObserveAuthentications()).isFalse();
        assertThat(securityObservations.shouldObserveAuthorizations()).isFalse();
    }

    @Test
    void requestsAreTimedButNotTheRepositoryCallsInsideThem() {
        new Fixtures(port).customer();

        assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
        assertThat(meters.find("spring.data.repository.invocations").timers()).isEmpty();
    }
}

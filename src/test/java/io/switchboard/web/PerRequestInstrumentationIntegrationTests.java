package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.web.context.support.ServletRequestHandledEvent;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;

/**
 * What is measured for every request stays cheap: each request is timed as a whole (http.server.requests), not each
 * security filter and repository call inside it, and no event nobody listens for is published for it (bench README,
 * twenty-third and twenty-fourth looks).
 */
@IntegrationTest
class PerRequestInstrumentationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SecurityObservationSettings securityObservations;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ConfigurableApplicationContext context;

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

    @Test
    void noEventIsPublishedForEachHandledRequest() {
        List<ServletRequestHandledEvent> handled = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> listener = event -> {
            if (event instanceof ServletRequestHandledEvent requestHandled) {
                handled.add(requestHandled);
            }
        };
        context.addApplicationListener(listener);
        try {
            var fixtures = new Fixtures(port);
            fixtures.customer();
            fixtures.customer();
            // Spring would publish it after writing the answer, so the answers alone do not show that none came
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(handled::isEmpty);
        } finally {
            context.removeApplicationListener(listener);
        }
    }
}

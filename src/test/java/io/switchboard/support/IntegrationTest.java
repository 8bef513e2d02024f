package io.switchboard.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port with its own data folder and a clock the test moves. Every
 * class using it shares one Spring context, so tests isolate themselves with fresh ids (see {@link Fixtures}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.data-dir=target/test-data/${random.uuid}",
        "switchboard.admin-password=" + Fixtures.ADMIN_PASSWORD,
        "switchboard.routing.sweep-interval=200ms",
        // small enough that a test can show a broadcast stops at the limit
        "switchboard.routing.broadcast-limit=4",
        // far longer than the 2 s of production: an engineer whose load drops without routing hearing of it would
        // stay left out and show up as a wrong offer in some test, instead of passing unseen within the 2 s
        "switchboard.routing.skip-full-for=1h",
        // one who exists once a test creates the account, one who never will (skipped with a warning)
        "switchboard.routing.policies.SEV3.escalate-to=sev3-lead,ghost-lead"})
@Import(TestClockConfiguration.class)
public @interface IntegrationTest {
}

package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;

/**
 * The three consoles in real browsers: runs frontend/e2e (Playwright driving Debian's Chromium) against
 * this server. The scenarios, and the screenshots they take for the README, live in frontend/e2e/.
 */
@IntegrationTest
class BrowserEndToEndIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void customerEngineerAndDispatcherWorkTogetherInRealBrowsers() throws Exception {
        // -DskipFrontend builds no front end, so there is nothing to drive; the default build always runs this.
        assumeFalse(Boolean.getBoolean("skipFrontendTests"), "front end skipped (-DskipFrontend)");
        assertThat(Path.of("/usr/bin/chromium")).as("Chromium is needed: apt-get install -y chromium").exists();
        assertThat(Path.of("frontend/node_modules")).as("the Maven build installs the front end first").exists();
        Path log = Files.createDirectories(Path.of("target")).resolve("e2e.log");
        var builder = new ProcessBuilder("npm", "run", "e2e")
                .directory(new File("frontend"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("BASE_URL", "http://localhost:" + port);
        builder.environment().put("ADMIN_PASSWORD", Fixtures.ADMIN_PASSWORD);
        // IntegrationTest names this dispatcher in the SEV3 policy's escalate-to; the browser test signs in as them
        builder.environment().put("E2E_ESCALATION_LEAD", "sev3-lead");
        builder.environment().put("E2E_ESCALATION_LEAD_PASSWORD", Fixtures.PASSWORD);
        var process = builder.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("browser tests finish within 5 minutes:\n" + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}

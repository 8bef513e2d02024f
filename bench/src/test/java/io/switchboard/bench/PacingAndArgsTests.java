package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** When the load driver sends each incident, how it starts its server, and how the tools read their arguments. */
class PacingAndArgsTests {

    @Test
    void aSteadyRateSpacesIncidentsEvenly() {
        assertThat(LoadDriver.nanosUntilDue(0, 6_000, 100, 100)).isZero();
        assertThat(LoadDriver.nanosUntilDue(1, 6_000, 100, 100)).isEqualTo(10_000_000L);
        assertThat(LoadDriver.nanosUntilDue(5_999, 6_000, 100, 100)).isEqualTo(59_990_000_000L);
    }

    @Test
    void aRisingRateStartsAtTheFirstRateAndEndsAtTheLastInTheTimeTheirMeanTakes() {
        // 10,000 incidents from 20/s to 80/s: 200 s at the mean of 50/s
        int count = 10_000;
        double first = LoadDriver.nanosUntilDue(1, count, 20, 80) / 1e9;
        double last = (LoadDriver.nanosUntilDue(count, count, 20, 80) - LoadDriver.nanosUntilDue(count - 1, count, 20, 80)) / 1e9;

        assertThat(1 / first).isCloseTo(20, within(0.1));
        assertThat(1 / last).isCloseTo(80, within(0.1));
        assertThat(LoadDriver.nanosUntilDue(count, count, 20, 80) / 1e9).isCloseTo(200, within(0.01));
        // half the time has passed when the first rate's share is sent: 20 t + 60 t² / 400 at t = 100 s
        assertThat(LoadDriver.nanosUntilDue(3_500, count, 20, 80) / 1e9).isCloseTo(100, within(0.01));
        for (int k = 1; k < count; k++) {
            assertThat(LoadDriver.nanosUntilDue(k, count, 20, 80)).isGreaterThan(LoadDriver.nanosUntilDue(k - 1, count, 20, 80));
        }
    }

    @Test
    void theServerRunsWithTheReadmesProductionSettingsAndCompactObjectHeadersFromJava25() {
        assertThat(LoadDriver.ServerProcess.jvmOptions("2g", 25)).containsExactly("-Xms2g", "-Xmx2g",
                "-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=40", "--add-modules=jdk.incubator.vector",
                "-XX:+UseCompactObjectHeaders");
        // Java 21 has no such option and would not start with it
        assertThat(LoadDriver.ServerProcess.jvmOptions("1g", 21)).containsExactly("-Xms1g", "-Xmx1g",
                "-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=40", "--add-modules=jdk.incubator.vector");
    }

    @Test
    void argumentsComeAsNameAndValueOrNameEqualsValueAndABareNameIsTrue() {
        var args = new Args(new String[] {"--engineers", "5,000", "--server-args=--a=b --c=d", "--jfr", "--rate", "100"});

        assertThat(args.getLong("engineers", 1)).isEqualTo(5_000);
        assertThat(args.get("server-args", "")).isEqualTo("--a=b --c=d");
        assertThat(args.get("jfr", "false")).isEqualTo("true");
        assertThat(args.getLong("rate", 1)).isEqualTo(100);
        assertThat(args.getLong("duration", 60)).isEqualTo(60);
        assertThat(args.params()).isEqualTo(new World.Params(42, 200, 5_000, 100_000));
    }

    @Test
    void aWordThatIsNotANameIsRefused() {
        assertThatThrownBy(() -> new Args(new String[] {"--rate", "100", "60"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected --name value, got 60");
    }
}

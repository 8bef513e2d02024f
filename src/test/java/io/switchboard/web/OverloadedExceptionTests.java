package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OverloadedExceptionTests {

    @Test
    void retryAfterIsInWholeSecondsRoundedUpAndNeverZero() {
        assertThat(OverloadedException.wholeSeconds(Duration.ZERO)).isEqualTo(1);
        assertThat(OverloadedException.wholeSeconds(Duration.ofMillis(250))).isEqualTo(1);
        assertThat(OverloadedException.wholeSeconds(Duration.ofSeconds(2))).isEqualTo(2);
        assertThat(OverloadedException.wholeSeconds(Duration.ofMillis(7_001))).isEqualTo(8);
        assertThat(new OverloadedException("busy", Duration.ofMillis(9_500)).retryAfterSeconds()).isEqualTo(10);
    }
}

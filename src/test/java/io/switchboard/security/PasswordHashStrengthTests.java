package io.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** switchboard.security.password-hash-strength sets the cost of new hashes only; every stored hash still verifies. */
class PasswordHashStrengthTests {

    static PasswordEncoder encoderAt(int strength) {
        return new SecurityConfiguration().passwordEncoder(new SecuritySettings(strength));
    }

    @Test
    void newHashesAreMadeAtTheConfiguredStrength() {
        assertThat(encoderAt(4).encode("secret")).startsWith("{bcrypt}$2a$04$");
        assertThat(encoderAt(10).encode("secret")).startsWith("{bcrypt}$2a$10$");
    }

    @Test
    void hashesMadeAtAnotherStrengthStillVerify() {
        String madeAtTen = encoderAt(10).encode("secret");
        String madeAtFour = encoderAt(4).encode("secret");

        assertThat(encoderAt(4).matches("secret", madeAtTen)).isTrue();
        assertThat(encoderAt(10).matches("secret", madeAtFour)).isTrue();
        assertThat(encoderAt(4).matches("wrong", madeAtTen)).isFalse();
    }
}

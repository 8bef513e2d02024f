package io.switchboard.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * @param passwordHashStrength BCrypt log rounds for new password hashes (each step doubles the cost of a sign-in
 *        and of creating an account); stored hashes keep the strength they were made with and verify at any setting
 */
@Validated
@ConfigurationProperties("switchboard.security")
record SecuritySettings(@DefaultValue("10") @Min(4) @Max(31) int passwordHashStrength) {
}

package io.switchboard.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewAccount(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may only hold letters, digits and . _ @ -") String username,
        @NotBlank @Size(min = 4, max = 200) String password,
        @NotNull Role role,
        @Size(max = 64) String customerId,
        @Size(max = 64) String engineerId) {
}

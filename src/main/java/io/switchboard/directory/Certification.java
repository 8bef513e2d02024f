package io.switchboard.directory;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A certification; {@code expires} empty means it does not expire. */
public record Certification(
        @NotBlank @Size(max = 200) String name,
        Instant expires) {

    public boolean validAt(Instant now) {
        return expires == null || expires.isAfter(now);
    }
}

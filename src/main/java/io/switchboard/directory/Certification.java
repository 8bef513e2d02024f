package io.switchboard.directory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A certification; {@code expires} empty means it does not expire. */
@Embeddable
public record Certification(
        @NotBlank @Size(max = 200) @Column(name = "name") String name,
        @Column(name = "expires") Instant expires) {

    public boolean validAt(Instant now) {
        return expires == null || expires.isAfter(now);
    }
}

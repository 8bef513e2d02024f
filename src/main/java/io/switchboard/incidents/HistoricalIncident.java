package io.switchboard.incidents;

import java.time.Instant;

import io.switchboard.directory.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An incident resolved before Switchboard knew of it, imported as history that teaches the ranking. */
public record HistoricalIncident(
        @Size(max = 64) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @Size(max = 64) String systemId,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 20000) String description,
        @Size(max = 20000) String resolution,
        @NotBlank @Size(max = 64) String resolvedBy,
        Instant openedAt,
        Instant resolvedAt) {
}

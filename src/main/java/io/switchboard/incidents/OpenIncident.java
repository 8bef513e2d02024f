package io.switchboard.incidents;

import io.switchboard.directory.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record OpenIncident(
        @Size(max = 64) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @NotBlank @Size(max = 64) String systemId,
        @NotNull Severity severity,
        @NotBlank @Size(max = 500) String title,
        @NotBlank @Size(max = 20000) String description) {
}

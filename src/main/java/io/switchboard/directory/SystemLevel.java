package io.switchboard.directory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** How well an engineer declares to know one customer system, 1 (has seen it) to 5 (built it). */
public record SystemLevel(
        @NotBlank @Size(max = 64) String systemId,
        @NotNull @Min(1) @Max(5) Integer level) {
}

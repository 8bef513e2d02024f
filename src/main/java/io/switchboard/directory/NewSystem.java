package io.switchboard.directory;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewSystem(
        @Size(max = 64) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String product,
        @Size(max = 100) String version,
        @Valid Site site,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags) {
}

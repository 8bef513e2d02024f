package io.switchboard.directory;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Changes to an engineer: a field left out (or null) stays as it is; a list given replaces the old one. */
public record EngineerPatch(
        @Size(min = 1, max = 200) @jakarta.validation.constraints.Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Email @Size(max = 320) String email,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> skills,
        @Size(max = 500) List<@NotNull @Valid SystemLevel> systems,
        @Size(max = 100) List<@NotNull @Valid Certification> certifications,
        @Valid GeoPoint base,
        @Size(max = 64) String timeZone,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> languages,
        @Min(1) @Max(100) Integer maxActive) {
}

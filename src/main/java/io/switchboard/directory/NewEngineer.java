package io.switchboard.directory;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new engineer; {@code status} is optional (AVAILABLE when missing), {@code maxActive} defaults to 3. */
public record NewEngineer(
        @Size(max = 64) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 320) String email,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> skills,
        @Size(max = 500) List<@NotNull @Valid SystemLevel> systems,
        @Size(max = 100) List<@NotNull @Valid Certification> certifications,
        @Valid GeoPoint base,
        @Size(max = 64) String timeZone,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> languages,
        @Min(1) @Max(100) Integer maxActive,
        EngineerStatus status) {
}

package io.switchboard.schedules;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A dated override to add: from inclusive, to exclusive. */
record NewOverride(@NotNull Instant from, @NotNull Instant to, @NotNull OverrideKind kind, @Size(max = 500) String note) {
}

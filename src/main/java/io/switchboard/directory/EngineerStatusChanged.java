package io.switchboard.directory;

import java.time.Instant;

public record EngineerStatusChanged(String engineerId, EngineerStatus status, Instant at) {
}

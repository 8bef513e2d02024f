package io.switchboard.directory;

import java.time.Instant;

/**
 * An engineer's first live session opened ({@code connected}) or their last one closed. Announced by alerts, which
 * owns the connections; kept here, beside the engineer's status, so routing can hear it without depending on alerts.
 */
public record EngineerConnectionChanged(String engineerId, boolean connected, Instant at) {
}

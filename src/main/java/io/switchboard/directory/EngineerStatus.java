package io.switchboard.directory;

public enum EngineerStatus {
    AVAILABLE, BUSY, OFF_DUTY
}

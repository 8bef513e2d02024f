package io.switchboard.directory;

public record CustomerView(String id, String name) {
}

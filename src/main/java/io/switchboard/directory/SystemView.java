package io.switchboard.directory;

import java.util.List;

public record SystemView(String id, String customerId, String name, String product, String version, Site site,
        List<String> tags) {
}

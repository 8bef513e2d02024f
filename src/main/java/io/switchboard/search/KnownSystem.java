package io.switchboard.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

public record KnownSystem(String systemId, String systemName, String product, String version, String customerId, String siteLabel, int level) {
}

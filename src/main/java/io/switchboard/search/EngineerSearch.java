package io.switchboard.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

public record EngineerSearch(String q, String systemId, String skill, String status, GeoPoint near, Double withinKm, boolean validCertificationOnly, int limit, int offset) {
}

package io.switchboard.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

public record IndexedEngineer(String id, String name, String email, List<String> skills, List<KnownSystem> systems, List<Certification> certifications, GeoPoint base, String timeZone, List<String> languages, String status) {
}

package io.switchboard.directory;

import java.util.List;

/** An engineer as the API shows them, with live {@code status} and {@code activeIncidents}. */
public record EngineerView(String id, String name, String email, List<String> skills, List<SystemLevel> systems,
        List<Certification> certifications, GeoPoint base, String timeZone, List<String> languages, int maxActive,
        EngineerStatus status, int activeIncidents) {
}

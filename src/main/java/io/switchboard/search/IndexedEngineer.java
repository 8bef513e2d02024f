package io.switchboard.search;

import java.util.List;

public record IndexedEngineer(String id, String name, String email, List<String> skills, List<KnownSystem> systems,
        List<Certification> certifications, GeoPoint base, String timeZone, List<String> languages, String status) {

    public IndexedEngineer {
        skills = skills == null ? List.of() : List.copyOf(skills);
        systems = systems == null ? List.of() : List.copyOf(systems);
        certifications = certifications == null ? List.of() : List.copyOf(certifications);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }
}

package io.switchboard.search.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.switchboard.search.Certification;
import io.switchboard.search.GeoPoint;
import io.switchboard.search.IndexedEngineer;
import io.switchboard.search.IndexedIncident;
import io.switchboard.search.KnownSystem;
import io.switchboard.search.SearchSource;

/** A small hand-made world: four engineers around Rotterdam, a few resolved incidents, a fixed clock. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final GeoPoint ROTTERDAM = new GeoPoint(51.9244, 4.4777);
    static final GeoPoint AMSTERDAM = new GeoPoint(52.3676, 4.9041);
    static final GeoPoint BERLIN = new GeoPoint(52.5200, 13.4050);
    static final GeoPoint PARIS = new GeoPoint(48.8566, 2.3522);

    static final KnownSystem SYS7_EXPERT = new KnownSystem("SYS-7", "Rotterdam SCADA gateway", "SCADA-GW", "v4.2.1",
            "C1", "Rotterdam port", 5);
    static final KnownSystem SYS7_NOVICE = new KnownSystem("SYS-7", "Rotterdam SCADA gateway", "SCADA-GW", "v4.2.1",
            "C1", "Rotterdam port", 1);
    static final KnownSystem SYS9 = new KnownSystem("SYS-9", "Hamburg MES line", "S7-1500", "v2.0", "C2", "Hamburg", 3);

    static IndexedEngineer anna() {
        return new IndexedEngineer("E1", "Anna Schmidt", "anna@example.com", List.of("PLC", "Profinet"),
                List.of(SYS7_EXPERT), List.of(new Certification("Siemens S7", Instant.parse("2027-03-15T00:00:00Z"))),
                ROTTERDAM, "Europe/Amsterdam", List.of("nl", "en"), "AVAILABLE");
    }

    static IndexedEngineer bert() {
        return new IndexedEngineer("E2", "Bert Novak", null, List.of("Programmable Logic Controller", "Electrical"),
                List.of(SYS7_NOVICE), List.of(new Certification("Siemens S7", Instant.parse("2024-01-01T00:00:00Z"))),
                AMSTERDAM, "Europe/Amsterdam", List.of("en"), "BUSY");
    }

    static IndexedEngineer chen() {
        return new IndexedEngineer("E3", "Chen Li", null, List.of("Kubernetes", "Networking"), List.of(SYS9),
                List.of(new Certification("Cisco CCNA", null)), BERLIN, "Europe/Berlin", List.of("en", "de"),
                "AVAILABLE");
    }

    static IndexedEngineer dana() {
        return new IndexedEngineer("E4", "Dana Kowalski", null, List.of("HMI", "SCADA"), List.of(), List.of(), PARIS,
                "Europe/Paris", List.of("fr"), "OFF_DUTY");
    }

    static IndexedIncident incident(String id, String system, String title, String description, String resolution,
            String resolver, int daysAgo) {
        return new IndexedIncident(id, system, system.equals("SYS-7") ? "Rotterdam SCADA gateway" : null,
                system.equals("SYS-7") ? "SCADA-GW" : null, title, description, resolution, resolver,
                NOW.minusSeconds(86_400L * daysAgo));
    }

    static List<IndexedIncident> history() {
        List<IndexedIncident> l = new ArrayList<>();
        l.add(incident("I1", "SYS-7", "Gateway lost connection to PLC", "SCADA gateway shows PLC offline",
                "Restarted Profinet stack on gateway", "E1", 12));
        l.add(incident("I2", "SYS-7", "PLC timeout on gateway", "Polling of the PLC times out every few minutes",
                "Replaced switch port, PLC polling stable", "E1", 30));
        l.add(incident("I3", "SYS-7", "Gateway connection drops", "SCADA gateway drops its connection at night",
                "Firmware update to v4.2.1", "E1", 45));
        l.add(incident("I4", "SYS-9", "Pod crash loop", "MES service pods restart in a loop",
                "Raised memory limit in the deployment", "E3", 20));
        l.add(incident("I5", "SYS-7", "Cabinet fan noisy", "Loud fan in the control cabinet",
                "Replaced fan", "E2", 200));
        return l;
    }

    /** A SearchSource over mutable lists; the fingerprint is whatever the test says. */
    static final class FakeSource implements SearchSource {
        final List<IndexedEngineer> engineers = new ArrayList<>();
        final List<IndexedIncident> incidents = new ArrayList<>();
        String fingerprint = "v1";
        int engineerReads;

        FakeSource() {
            engineers.addAll(List.of(anna(), bert(), chen(), dana()));
            incidents.addAll(history());
        }

        @Override
        public Stream<IndexedEngineer> engineers() {
            engineerReads++;
            return List.copyOf(engineers).stream();
        }

        @Override
        public Stream<IndexedIncident> resolvedIncidents() {
            return List.copyOf(incidents).stream();
        }

        @Override
        public String fingerprint() {
            return fingerprint;
        }
    }

    static LuceneEngineerIndex open(FakeSource source, Path dir) {
        LuceneEngineerIndex index = new LuceneEngineerIndex(TestSettings.defaults(), source, CLOCK, dir);
        index.open();
        return index;
    }

    private Fixtures() {}
}

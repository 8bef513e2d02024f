package io.switchboard.support;

import org.flywaydb.core.Flyway;

/** Brings a throwaway database to one schema version, so a test can store data as that version did. */
public final class Migrations {
    private Migrations() {
    }

    /** @param version the version to stop at, or null for the latest */
    public static void migrate(String url, String version) {
        var flyway = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration");
        (version == null ? flyway : flyway.target(version)).load().migrate();
    }
}

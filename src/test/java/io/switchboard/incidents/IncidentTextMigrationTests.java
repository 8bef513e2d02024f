package io.switchboard.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import io.switchboard.support.Migrations;

/** V6 turns an incident's description and resolution from CLOBs into strings and keeps what was stored. */
class IncidentTextMigrationTests {
    private static final String URL = "jdbc:h2:mem:incident-text-migration;DB_CLOSE_DELAY=-1";
    private static final String LONG_TEXT = "The conveyor stops. ".repeat(1_000); // 20,000 characters

    @Test
    void keepsTheTextsAndTheRequiredDescription() throws SQLException {
        Migrations.migrate(URL, "5");
        try (var db = DriverManager.getConnection(URL, "sa", "");
                var insert = db.prepareStatement("""
                        INSERT INTO incident (id, severity, title, description, status, opened_at, resolution, historical,
                          version) VALUES ('I1', 'P2', 'Stops', ?, 'RESOLVED', CURRENT_TIMESTAMP, ?, TRUE, 0)""")) {
            insert.setString(1, LONG_TEXT);
            insert.setString(2, "Replaced the encoder; ünïcode kept.");
            insert.executeUpdate();
        }
        Migrations.migrate(URL, null);
        try (var db = DriverManager.getConnection(URL, "sa", "")) {
            var row = db.createStatement().executeQuery("SELECT description, resolution FROM incident WHERE id = 'I1'");
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo(LONG_TEXT);
            assertThat(row.getString(2)).isEqualTo("Replaced the encoder; ünïcode kept.");
            var types = db.createStatement().executeQuery("""
                    SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS
                    WHERE TABLE_NAME = 'INCIDENT' AND COLUMN_NAME IN ('DESCRIPTION', 'RESOLUTION')""");
            while (types.next()) {
                assertThat(types.getString(1)).isEqualTo("CHARACTER VARYING");
            }
            assertThatThrownBy(() -> db.createStatement().executeUpdate("UPDATE incident SET description = NULL"))
                    .as("description stays required").isInstanceOf(SQLException.class);
        }
    }
}

package io.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;

import io.switchboard.support.Migrations;

/** V7 deletes the event publications kept after their listener finished, and keeps the unfinished ones for replay. */
class FinishedPublicationsMigrationTests {
    private static final String URL = "jdbc:h2:mem:finished-publications-migration;DB_CLOSE_DELAY=-1";

    @Test
    void deletesTheFinishedAndKeepsTheUnfinished() throws SQLException {
        Migrations.migrate(URL, "6");
        try (var db = DriverManager.getConnection(URL, "sa", "");
                var insert = db.prepareStatement("""
                        INSERT INTO event_publication (id, completion_date, event_type, listener_id, publication_date,
                          serialized_event) VALUES (RANDOM_UUID(), ?, 'io.switchboard.incidents.IncidentOpened', 'l',
                          CURRENT_TIMESTAMP, ?)""")) {
            insert.setObject(1, OffsetDateTime.parse("2026-11-24T10:00:00Z"));
            insert.setString(2, "finished");
            insert.executeUpdate();
            insert.setObject(1, null);
            insert.setString(2, "unfinished");
            insert.executeUpdate();
        }
        Migrations.migrate(URL, null);
        try (var db = DriverManager.getConnection(URL, "sa", "")) {
            var rows = db.createStatement().executeQuery("SELECT serialized_event FROM event_publication");
            var left = new ArrayList<String>();
            while (rows.next()) {
                left.add(rows.getString(1));
            }
            assertThat(left).containsExactly("unfinished");
        }
    }
}

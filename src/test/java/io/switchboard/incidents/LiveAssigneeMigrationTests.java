package io.switchboard.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.switchboard.support.Migrations;

/** V8 gives every incident a live_assignee that follows its status, for the rows stored before it too. */
class LiveAssigneeMigrationTests {
    private static final String URL = "jdbc:h2:mem:live-assignee-migration;DB_CLOSE_DELAY=-1";

    @Test
    void onlyAssignedIncidentsCountForTheirEngineerBeforeAndAfterTheirStatusChanges() throws SQLException {
        Migrations.migrate(URL, "7");
        try (var db = DriverManager.getConnection(URL, "sa", "")) {
            insert(db, "I1", "ASSIGNED", "E1");
            insert(db, "I2", "RESOLVED", "E1");
            insert(db, "I3", "ASSIGNED", "E2");
        }
        Migrations.migrate(URL, null);
        try (var db = DriverManager.getConnection(URL, "sa", "")) {
            assertThat(liveAssignees(db)).containsExactlyInAnyOrderEntriesOf(Map.of("I1", "E1", "I3", "E2"));

            db.createStatement().executeUpdate("UPDATE incident SET status = 'RESOLVED' WHERE id = 'I1'");
            db.createStatement().executeUpdate("UPDATE incident SET status = 'ASSIGNED', assignee = 'E3' WHERE id = 'I2'");
            insert(db, "I4", "ASSIGNED", "E2");

            assertThat(liveAssignees(db)).containsExactlyInAnyOrderEntriesOf(Map.of("I2", "E3", "I3", "E2", "I4", "E2"));
        }
    }

    private static void insert(Connection db, String id, String status, String assignee) throws SQLException {
        try (var insert = db.prepareStatement("""
                INSERT INTO incident (id, severity, title, description, status, assignee, opened_at, historical, version)
                VALUES (?, 'P2', 'Stops', 'The line stops', ?, ?, CURRENT_TIMESTAMP, FALSE, 0)""")) {
            insert.setString(1, id);
            insert.setString(2, status);
            insert.setString(3, assignee);
            insert.executeUpdate();
        }
    }

    private static Map<String, String> liveAssignees(Connection db) throws SQLException {
        var found = new HashMap<String, String>();
        var rows = db.createStatement().executeQuery("SELECT id, live_assignee FROM incident WHERE live_assignee IS NOT NULL");
        while (rows.next()) {
            found.put(rows.getString(1), rows.getString(2));
        }
        return found;
    }
}

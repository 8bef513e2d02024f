package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.switchboard.support.Migrations;

/** A database made before V5 keeps every engineer's lists and system's tags, in order, once they move onto their row. */
class ListColumnsMigrationTests {
    private static final String URL = "jdbc:h2:mem:list-columns-migration;DB_CLOSE_DELAY=-1";

    @Test
    void movesEachEngineersListsAndSystemsTagsOntoTheirRowInTheirOrder() throws SQLException {
        Migrations.migrate(URL, "4");
        try (var db = DriverManager.getConnection(URL, "sa", "")) {
            insertEngineer(db, "E1");
            insertEngineer(db, "E2");
            insertRows(db, "INSERT INTO customer VALUES ('C1', 'Acme', CURRENT_TIMESTAMP)");
            insertRows(db, "INSERT INTO customer_system (id, customer_id, name, product, created_at) VALUES "
                    + "('S-1', 'C1', 'Line 1', 'S7', CURRENT_TIMESTAMP), ('S-9', 'C1', 'Line 9', 'S7', CURRENT_TIMESTAMP)");
            insertRows(db, "INSERT INTO system_tag VALUES ('S-9', 'packaging'), ('S-9', 'night shift')");
            insertRows(db, "INSERT INTO engineer_skill VALUES ('E1', 'plc'), ('E1', 'Ünïcode \"quoted\"'), ('E1', 'abb')");
            insertRows(db, "INSERT INTO engineer_language VALUES ('E1', 'nl'), ('E1', 'en')");
            insertRows(db, "INSERT INTO engineer_system VALUES ('E1', 'S-9', 5), ('E1', 'S-1', 2)");
            insertRows(db, """
                    INSERT INTO engineer_certification VALUES
                      ('E1', 'NFPA 70E', TIMESTAMP WITH TIME ZONE '2027-02-11 13:14:15.123456+02'),
                      ('E1', 'Lifetime', NULL)""");
        }
        Migrations.migrate(URL, null);
        try (var db = DriverManager.getConnection(URL, "sa", "")) {
            var strings = new JsonListColumn.Strings();
            var e1 = lists(db, "E1");
            assertThat(strings.convertToEntityAttribute(e1.get("skills"))).containsExactly("plc", "Ünïcode \"quoted\"", "abb");
            assertThat(strings.convertToEntityAttribute(e1.get("languages"))).containsExactly("nl", "en");
            assertThat(new JsonListColumn.SystemLevels().convertToEntityAttribute(e1.get("systems")))
                    .containsExactly(new SystemLevel("S-9", 5), new SystemLevel("S-1", 2));
            assertThat(new JsonListColumn.Certifications().convertToEntityAttribute(e1.get("certifications")))
                    .containsExactly(new Certification("NFPA 70E", Instant.parse("2027-02-11T11:14:15.123456Z")),
                            new Certification("Lifetime", null));
            assertThat(lists(db, "E2")).containsOnlyKeys("skills", "languages", "systems", "certifications")
                    .allSatisfy((column, json) -> assertThat(json).isEqualTo("[]"));
            assertThat(strings.convertToEntityAttribute(tags(db, "S-9"))).containsExactly("packaging", "night shift");
            assertThat(tags(db, "S-1")).isEqualTo("[]");
            var oldTables = db.createStatement().executeQuery(
                    """
                    SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME IN
                      ('ENGINEER_SKILL', 'ENGINEER_LANGUAGE', 'ENGINEER_SYSTEM', 'ENGINEER_CERTIFICATION', 'SYSTEM_TAG')""");
            oldTables.next();
            assertThat(oldTables.getInt(1)).as("per-item tables left").isZero();
        }
    }

    private static void insertEngineer(Connection db, String id) throws SQLException {
        insertRows(db, "INSERT INTO engineer (id, name, max_active, status, updated_at, version) VALUES ('" + id
                + "', 'Name', 3, 'AVAILABLE', CURRENT_TIMESTAMP, 0)");
    }

    private static void insertRows(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static String tags(Connection db, String systemId) throws SQLException {
        try (var statement = db.prepareStatement("SELECT tags FROM customer_system WHERE id = ?")) {
            statement.setString(1, systemId);
            var row = statement.executeQuery();
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    private static Map<String, String> lists(Connection db, String id) throws SQLException {
        try (var statement = db.prepareStatement(
                "SELECT skills, languages, systems, certifications FROM engineer WHERE id = ?")) {
            statement.setString(1, id);
            var row = statement.executeQuery();
            assertThat(row.next()).isTrue();
            var lists = new TreeMap<String, String>();
            for (var column : List.of("skills", "languages", "systems", "certifications")) {
                lists.put(column, row.getString(column));
            }
            return lists;
        }
    }
}

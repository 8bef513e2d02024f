package io.switchboard.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.h2.api.Trigger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records every row inserted into or updated in Spring Modulith's event publication table while installed (H2
 * triggers): finished publications are deleted at once, so the table alone no longer shows what was written.
 */
public final class StoredPublications implements AutoCloseable {
    private static final String INSERTS = "record_inserted_publications", UPDATES = "record_updated_publications";
    private static final List<Row> INSERTED = new CopyOnWriteArrayList<>(), UPDATED = new CopyOnWriteArrayList<>();

    private final JdbcTemplate jdbc;

    private StoredPublications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static StoredPublications install(JdbcTemplate jdbc) {
        INSERTED.clear();
        UPDATED.clear();
        for (String trigger : List.of(INSERTS, UPDATES)) {
            jdbc.execute("create trigger if not exists " + trigger + " after " + (trigger.equals(INSERTS) ? "insert" : "update")
                    + " on event_publication for each row call \"" + Recorder.class.getName() + "\"");
        }
        return new StoredPublications(jdbc);
    }

    /** The inserted rows whose serialized event mentions {@code text}. */
    public List<Row> insertedMentioning(String text) {
        return mentioning(INSERTED, text);
    }

    /** The rows, as updated, whose serialized event mentions {@code text}. */
    public List<Row> updatedMentioning(String text) {
        return mentioning(UPDATED, text);
    }

    private static List<Row> mentioning(List<Row> rows, String text) {
        return rows.stream().filter(row -> row.serializedEvent().contains(text)).toList();
    }

    @Override
    public void close() {
        List.of(INSERTS, UPDATES).forEach(trigger -> jdbc.execute("drop trigger if exists " + trigger));
    }

    public record Row(String eventType, String listenerId, String serializedEvent) {
    }

    /** Made by H2 for the trigger. */
    public static final class Recorder implements Trigger {
        private final List<String> columns = new ArrayList<>();
        private List<Row> rows;

        @Override
        public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
                throws SQLException {
            rows = trigger.equalsIgnoreCase(INSERTS) ? INSERTED : UPDATED;
            try (var rows = connection.getMetaData().getColumns(null, schema, table, null)) {
                while (rows.next()) {
                    columns.add(rows.getString("COLUMN_NAME").toUpperCase(java.util.Locale.ROOT));
                }
            }
        }

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
            rows.add(new Row(column(newRow, "EVENT_TYPE"), column(newRow, "LISTENER_ID"), column(newRow, "SERIALIZED_EVENT")));
        }

        private String column(Object[] row, String name) {
            int i = columns.indexOf(name);
            if (i < 0) {
                throw new IllegalStateException("event_publication has no column " + name);
            }
            return row[i] == null ? null : row[i].toString();
        }
    }
}

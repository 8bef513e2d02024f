package io.switchboard.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.h2.api.Trigger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records every row written to Spring Modulith's event publication table while installed (an H2 trigger): finished
 * publications are deleted at once, so the table alone no longer shows what was stored.
 */
public final class StoredPublications implements AutoCloseable {
    private static final String TRIGGER = "record_stored_publications";
    private static final List<Row> ROWS = new CopyOnWriteArrayList<>();

    private final JdbcTemplate jdbc;

    private StoredPublications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static StoredPublications install(JdbcTemplate jdbc) {
        ROWS.clear();
        jdbc.execute("create trigger if not exists " + TRIGGER + " after insert on event_publication for each row call \""
                + Recorder.class.getName() + "\"");
        return new StoredPublications(jdbc);
    }

    /** The stored rows whose serialized event mentions {@code text}. */
    public List<Row> mentioning(String text) {
        return ROWS.stream().filter(row -> row.serializedEvent().contains(text)).toList();
    }

    @Override
    public void close() {
        jdbc.execute("drop trigger if exists " + TRIGGER);
    }

    public record Row(String eventType, String listenerId, String serializedEvent) {
    }

    /** Made by H2 for the trigger. */
    public static final class Recorder implements Trigger {
        private final List<String> columns = new ArrayList<>();

        @Override
        public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
                throws SQLException {
            try (var rows = connection.getMetaData().getColumns(null, schema, table, null)) {
                while (rows.next()) {
                    columns.add(rows.getString("COLUMN_NAME").toUpperCase(java.util.Locale.ROOT));
                }
            }
        }

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
            ROWS.add(new Row(column(newRow, "EVENT_TYPE"), column(newRow, "LISTENER_ID"), column(newRow, "SERIALIZED_EVENT")));
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

package io.switchboard.incidents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes imported history as plain JDBC batches inside the caller's transaction, and reads resolved incidents back
 * for the search index. An imported incident is one row and never changes again, so an entity per row only cost
 * Hibernate's flush (about as much as the inserts themselves), and a query by a list of ids was translated again by
 * Hibernate on every call.
 */
@Component
class HistoryRows {
    private static final String INSERT = """
            insert into incident (id, system_id, customer_id, severity, title, description, status, assignee,
                opened_at, resolved_at, resolution, resolved_by, historical, version)
            values (?, ?, ?, 'SEV4', ?, ?, 'RESOLVED', ?, ?, ?, ?, ?, true, 0)""";

    private static final String RESOLVED = """
            select id, system_id, title, description, resolution, resolved_by, resolved_at from incident
            where id = any(?) and status = 'RESOLVED'""";

    private final JdbcTemplate jdbc;

    HistoryRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(List<Row> rows) {
        jdbc.batchUpdate(INSERT, rows, rows.size(), (statement, row) -> {
            statement.setString(1, row.id());
            statement.setString(2, row.systemId());
            statement.setString(3, row.customerId());
            statement.setString(4, row.title());
            statement.setString(5, row.description());
            statement.setString(6, row.resolvedBy());
            statement.setObject(7, utc(row.openedAt()));
            statement.setObject(8, utc(row.resolvedAt()));
            statement.setString(9, row.resolution());
            statement.setString(10, row.resolvedBy());
        });
    }

    List<ResolvedIncident> resolved(String[] ids) {
        return jdbc.query(RESOLVED, (row, n) -> {
            var resolvedAt = row.getObject(7, OffsetDateTime.class);
            return new ResolvedIncident(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    row.getString(5), row.getString(6), resolvedAt == null ? null : resolvedAt.toInstant());
        }, (Object) ids);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** One imported incident as stored: resolved by (and assigned to) its resolver, SEV4, with times filled in. */
    record Row(String id, String systemId, String customerId, String title, String description, String resolution,
            String resolvedBy, Instant openedAt, Instant resolvedAt) {

        static Row of(String id, String customerId, HistoricalIncident history, Instant now) {
            Instant resolvedAt = history.resolvedAt() != null ? history.resolvedAt()
                    : history.openedAt() != null ? history.openedAt() : now;
            return new Row(id, history.systemId(), customerId, history.title().trim(),
                    history.description() == null ? "" : history.description(), history.resolution(),
                    history.resolvedBy(), history.openedAt() != null ? history.openedAt() : resolvedAt, resolvedAt);
        }
    }
}

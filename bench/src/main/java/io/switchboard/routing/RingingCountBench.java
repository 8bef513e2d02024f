package io.switchboard.routing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.data.jpa.repository.Query;

/**
 * The count of ringing offers that every routing decision reads ({@link Offers#countPending}), straight on H2 over
 * JDBC, against the forms it had before: how its cost follows the number of offers ringing (a backlog) and the number
 * of engineers asked about. The offer table has the migrations' columns and indexes that matter here (V1, less the
 * incident index V8 dropped); {@code current} is the query on the repository itself.
 *
 * <pre>
 * bench/bench.sh jmh -rf json -rff bench/results/jmh-ringing-count.json RingingCountBench
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RingingCountBench {

    static final int OFFERS = 20_000;
    static final int ENGINEERS = 5_000;

    /** The forms: the status index scanning every ringing offer; "= any(?)" beside the status; the repository's. */
    static final Map<String, String> FORMS = Map.of(
            "statusScan", "select engineer_id, count(*) from offer where status = 'PENDING'"
                    + " and array_contains(?, engineer_id) group by engineer_id",
            "anyArray", "select engineer_id, count(*) from offer where engineer_id = any(?) and status = 'PENDING'"
                    + " group by engineer_id",
            "current", currentQuery());

    @Param({"30", "300", "3000"})
    int ringing;

    @Param({"1", "5", "50"})
    int asked;

    @Param({"statusScan", "anyArray", "current"})
    String form;

    Connection connection;
    PreparedStatement count;
    final SplittableRandom random = new SplittableRandom(42);

    static String currentQuery() {
        try {
            return Offers.class.getMethod("countPending", String[].class).getAnnotation(Query.class).value()
                    .replace(":ids", "?");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Setup(Level.Trial)
    public void fill() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:ringing-" + ringing + "-" + asked + "-" + form);
        try (var ddl = connection.createStatement()) {
            ddl.execute("""
                    CREATE TABLE offer (id VARCHAR(64) PRIMARY KEY, incident_id VARCHAR(64) NOT NULL,
                      engineer_id VARCHAR(64) NOT NULL, status VARCHAR(16) NOT NULL,
                      expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)""");
            ddl.execute("CREATE INDEX offer_by_incident_id ON offer(incident_id)");
            ddl.execute("CREATE INDEX offer_by_engineer ON offer(engineer_id, status)");
            ddl.execute("CREATE INDEX offer_by_expiry ON offer(status, expires_at)");
        }
        try (var insert = connection.prepareStatement("insert into offer values (?, ?, ?, ?, current_timestamp)")) {
            for (int i = 0; i < OFFERS; i++) {
                insert.setString(1, "O" + i);
                insert.setString(2, "I" + i);
                insert.setString(3, engineer());
                insert.setString(4, i < OFFERS - ringing ? "ACCEPTED" : "PENDING");
                insert.addBatch();
            }
            insert.executeBatch();
        }
        count = connection.prepareStatement(FORMS.get(form));
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        connection.close();
    }

    private String engineer() {
        return "E" + random.nextInt(ENGINEERS);
    }

    @Benchmark
    public int countRinging() throws SQLException {
        String[] ids = new String[asked];
        for (int i = 0; i < asked; i++) {
            ids[i] = engineer();
        }
        count.setObject(1, ids);
        int rows = 0;
        try (ResultSet rs = count.executeQuery()) {
            while (rs.next()) {
                rows += rs.getInt(2);
            }
        }
        return rows;
    }
}

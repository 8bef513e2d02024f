package io.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.support.Api;
import io.switchboard.support.Fixtures;

/**
 * A real crash: the server runs as its own process and is killed with SIGKILL while incidents are being routed
 * (offers ringing, a burst of incidents just opened). Every incident the server confirmed was stored with its first
 * wave. A new process on the same data folder must expire what ran out while nobody was there, ring the next wave,
 * replay the unhandled events, and leave no incident in ROUTING without a ringing offer. The database is read directly while no
 * server runs, to see the state the crash left and the state the restart left.
 */
class KillMidRoutingIntegrationTests {
    /** Short, so the ringing offers surely run out while the server is down; the restarted server rings longer. */
    private static final Duration OFFER_TIMEOUT_BEFORE_KILL = Duration.ofSeconds(10);
    private static final int BURST = 20;

    @TempDir
    Path dataDir;

    @Test
    void killingTheServerMidRoutingLosesNothingAndTheRoutingFinishes() throws Exception {
        var engineerUsers = new LinkedHashMap<String, String>();
        String ringing;
        var opened = new ArrayList<String>();
        var killed = start("before-kill",
                "--switchboard.routing.policies.SEV4.offer-timeout=" + OFFER_TIMEOUT_BEFORE_KILL.toSeconds() + "s");
        try {
            var fixtures = new Fixtures(killed.port());
            var admin = fixtures.admin();
            String system = fixtures.system(fixtures.customer());
            for (int level : new int[] {5, 3, 2}) {
                String engineer = fixtures.engineer(system, level, 50);
                engineerUsers.put(engineer, fixtures.engineerUser(engineer));
            }
            ringing = fixtures.quietIncident(admin, system, "SEV4");
            opened.add(ringing);
            var best = fixtures.as(engineerUsers.values().iterator().next());
            await().atMost(Duration.ofSeconds(20)).until(() -> offeredTo(best).contains(ringing));
            // a burst of incidents, and the kill the moment the last one is stored: routing is still working through
            // the new incidents, one at a time
            try (var pool = Executors.newFixedThreadPool(8)) {
                var futures = new ArrayList<Future<String>>();
                for (int i = 0; i < BURST; i++) {
                    futures.add(pool.submit(() -> fixtures.quietIncident(admin, system, "SEV4")));
                }
                for (var future : futures) {
                    opened.add(future.get());
                }
            }
        } finally {
            killed.kill();
        }

        var crashed = DatabaseState.read(dataDir);
        assertThat(crashed.incidents()).as("every incident the server confirmed is stored").containsAll(opened);
        var ringingAtKill = crashed.pendingOffers().entrySet().stream()
                .filter(offer -> offer.getKey().startsWith(ringing + "@")).toList();
        assertThat(ringingAtKill).as("the ringing offer was stored before the kill").hasSize(1);
        String rungBeforeKill = ringingAtKill.getFirst().getKey().substring(ringing.length() + 1);
        Instant expiresAt = ringingAtKill.getFirst().getValue();
        System.out.printf("Killed with %d incident(s) not yet routed and %d event publication(s) not completed%n",
                crashed.openIncidents().size(), crashed.incompletePublications());
        // the kill follows the last 201 within a millisecond: an opening commits together with its first wave
        assertThat(crashed.openIncidents()).as("incidents stored without their first wave").isEmpty();
        await().atMost(OFFER_TIMEOUT_BEFORE_KILL.plusSeconds(5)).until(() -> Instant.now().isAfter(expiresAt));

        var restarted = start("after-restart");
        try {
            var admin = Api.as(restarted.port(), "admin", Fixtures.ADMIN_PASSWORD);
            var engineers = new LinkedHashMap<String, Api>();
            engineerUsers.forEach((engineer, user) -> engineers.put(engineer, Api.as(restarted.port(), user, Fixtures.PASSWORD)));

            // the offer that ran out while the server was down is expired at start, and the next wave rings someone else
            var next = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
                for (var engineer : engineers.entrySet()) {
                    String offer = offerFor(engineer.getValue(), ringing);
                    if (offer != null) {
                        return Map.entry(engineer.getKey(), offer);
                    }
                }
                return null;
            }, found -> found != null);
            assertThat(next.getKey()).isNotEqualTo(rungBeforeKill);
            assertThat(offeredTo(engineers.get(rungBeforeKill))).doesNotContain(ringing);
            var timeline = admin.get("/api/incidents/" + ringing).json().path("timeline");
            assertThat(timeline.findValuesAsString("detail")).contains("Offer to " + rungBeforeKill + " was not answered in time");

            var accepted = engineers.get(next.getKey()).post("/api/offers/" + next.getValue() + "/accept", "");
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            assertThat(admin.get("/api/incidents/" + ringing).get("assignee")).isEqualTo(next.getKey());

            // everything else settles: nothing left OPEN (the sweep routed what was), and every
            // incident in ROUTING rings someone
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                var ringingNow = new HashSet<String>();
                engineers.values().forEach(engineer -> ringingNow.addAll(offeredTo(engineer)));
                for (String incident : opened) {
                    String status = admin.get("/api/incidents/" + incident).get("status");
                    assertThat(status).as(incident).isIn("ROUTING", "ASSIGNED", "ESCALATED");
                    if (status.equals("ROUTING")) {
                        assertThat(ringingNow).as(incident + " is ROUTING").contains(incident);
                    }
                }
            });
        } finally {
            restarted.stop();
        }

        var settled = DatabaseState.read(dataDir);
        assertThat(settled.openIncidents()).isEmpty();
        assertThat(settled.routingWithoutOffer()).isEmpty();
        assertThat(settled.incompletePublications()).as("every stored event was handled").isZero();
        assertThat(settled.routedIncidents()).containsAll(crashed.openIncidents());
    }

    private static List<String> offeredTo(Api engineer) {
        return engineer.get("/api/me/offers").json().findValuesAsString("incidentId");
    }

    private static String offerFor(Api engineer, String incident) {
        for (var offer : engineer.get("/api/me/offers").json()) {
            if (incident.equals(offer.path("incidentId").asString())) {
                return offer.path("offerId").asString();
            }
        }
        return null;
    }

    // ---- the server as a child process

    private ServerProcess start(String name, String... extraArgs) throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // the application's classes and libraries, without the test classes (their test configuration is not the server's)
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classpath, SwitchboardApplication.class.getName(),
                "--server.port=" + port,
                "--switchboard.data-dir=" + dataDir,
                "--switchboard.admin-password=" + Fixtures.ADMIN_PASSWORD,
                "--switchboard.routing.sweep-interval=200ms"));
        command.addAll(List.of(extraArgs));
        Path log = dataDir.resolve(name + ".log");
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var server = new ServerProcess(process, port, log);
        long started = System.nanoTime();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server stopped:\n" + server.logTail());
                }
                try {
                    return "UP".equals(Api.anonymous(port).get("/actuator/health").get("status"));
                } catch (RuntimeException notListeningYet) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        System.out.printf("Server %s up in %d ms%n", name, (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    private record ServerProcess(Process process, int port, Path log) {

        /** SIGKILL: no shutdown hook, no graceful stop, no database close. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        /** SIGTERM: a graceful stop that closes the database, so the test can read it. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }

        String logTail() throws IOException {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }

    // ---- the database, read while no server runs

    /**
     * @param pendingOffers when each PENDING offer runs out, by "incident@engineer"
     * @param routedIncidents incidents that have at least one offer
     */
    private record DatabaseState(Set<String> incidents, Set<String> openIncidents, Set<String> routingWithoutOffer,
            Map<String, Instant> pendingOffers, Set<String> routedIncidents, long incompletePublications) {

        static DatabaseState read(Path dataDir) throws SQLException {
            String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("switchboard") + ";ACCESS_MODE_DATA=r";
            try (var db = DriverManager.getConnection(url, "sa", "")) {
                var pending = new HashMap<String, Instant>();
                try (var rows = db.createStatement().executeQuery(
                        "select incident_id, engineer_id, expires_at from offer where status = 'PENDING'")) {
                    while (rows.next()) {
                        pending.put(rows.getString(1) + "@" + rows.getString(2),
                                rows.getObject(3, OffsetDateTime.class).toInstant());
                    }
                }
                long incomplete;
                try (var rows = db.createStatement().executeQuery(
                        "select count(*) from event_publication where completion_date is null")) {
                    rows.next();
                    incomplete = rows.getLong(1);
                }
                return new DatabaseState(
                        ids(db, "select id from incident"),
                        ids(db, "select id from incident where status = 'OPEN'"),
                        ids(db, "select i.id from incident i where i.status = 'ROUTING' and not exists "
                                + "(select 1 from offer o where o.incident_id = i.id and o.status = 'PENDING')"),
                        pending,
                        ids(db, "select distinct incident_id from offer"),
                        incomplete);
            }
        }

        private static Set<String> ids(java.sql.Connection db, String query) throws SQLException {
            var found = new HashSet<String>();
            try (var rows = db.createStatement().executeQuery(query)) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }
    }
}

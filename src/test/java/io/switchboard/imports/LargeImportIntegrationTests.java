package io.switchboard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.support.Api;
import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/** The contract's size: 100,000 NDJSON lines in one request, generated and streamed as they are sent. */
@IntegrationTest
class LargeImportIntegrationTests {
    static final int CUSTOMERS = 100;
    static final int SYSTEMS = 400;
    static final int ENGINEERS = 500;
    static final int INCIDENTS = 99_000;
    static final int LINES = CUSTOMERS + SYSTEMS + ENGINEERS + INCIDENTS;
    static final List<String> WORDS = List.of("pump", "valve", "sensor", "conveyor", "drive", "plc", "firmware", "overheat",
            "vibration", "leak", "pressure", "timeout", "network", "switch", "encoder", "motor", "bearing", "calibration",
            "alarm", "hmi", "scada", "profinet", "modbus", "relay", "fuse", "inverter", "robot", "gripper", "camera", "label");

    @LocalServerPort
    int port;

    @Test
    void aHundredThousandLinesAreImportedInOneRequest() throws Exception {
        String run = Fixtures.unique("BIG");
        assertThat(LINES).isEqualTo(100_000);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/import"))
                .header("Authorization", Api.basic("admin", Fixtures.ADMIN_PASSWORD))
                .header("Content-Type", "application/x-ndjson")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new LinesInputStream(LINES, line(run))))
                .build();

        long started = System.nanoTime();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("%n[LargeImportIntegrationTests] imported %,d NDJSON lines in %,d ms%n%n", LINES, millis);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var report = JsonMapper.builder().build().readTree(response.body());
        assertThat(report.path("rejected").size()).as(response.body().substring(0, Math.min(2000, response.body().length())))
                .isZero();
        assertThat(report.path("imported").path("customer").asInt()).isEqualTo(CUSTOMERS);
        assertThat(report.path("imported").path("system").asInt()).isEqualTo(SYSTEMS);
        assertThat(report.path("imported").path("engineer").asInt()).isEqualTo(ENGINEERS);
        assertThat(report.path("imported").path("incident").asInt()).isEqualTo(INCIDENTS);

        var admin = Api.as(port, "admin", Fixtures.ADMIN_PASSWORD);
        var last = admin.get("/api/incidents/" + run + "-I" + (INCIDENTS - 1));
        assertThat(last.get("status")).isEqualTo("RESOLVED");
        assertThat(admin.get("/api/engineers/" + run + "-E" + (ENGINEERS - 1)).status()).isEqualTo(200);
        // the history is searchable: the engineer who resolved the marked incidents ranks first for them
        var recommended = admin.post("/api/engineers/recommend",
                "{\"title\":\"%s marker fault\",\"description\":\"the %s marker again\"}".formatted(marker(run), marker(run)));
        assertThat(recommended.json().path("hits").get(0).path("engineerId").asString()).as(recommended.toString())
                .isEqualTo(run + "-E7");
    }

    private static String marker(String run) {
        return "zq" + run.substring(run.indexOf('-') + 1).replaceAll("[^a-z]", "q") + "marker";
    }

    /** Line i (0-based) of the file: customers, then systems, then engineers, then resolved incidents. */
    private static IntFunction<String> line(String run) {
        var random = new Random(42);
        return i -> {
            if (i < CUSTOMERS) {
                return "{\"type\":\"customer\",\"id\":\"%s-C%d\",\"name\":\"Customer %d\"}".formatted(run, i, i);
            }
            i -= CUSTOMERS;
            if (i < SYSTEMS) {
                return "{\"type\":\"system\",\"id\":\"%s-S%d\",\"customerId\":\"%s-C%d\",\"name\":\"Line %d\",\"product\":\"Press %d\",\"tags\":[\"big\"]}"
                        .formatted(run, i, run, i % CUSTOMERS, i, i % 20);
            }
            i -= SYSTEMS;
            if (i < ENGINEERS) {
                return ("{\"type\":\"engineer\",\"id\":\"%s-E%d\",\"name\":\"Big Engineer %d\",\"skills\":[\"%s\",\"%s\"],"
                        + "\"systems\":[{\"systemId\":\"%s-S%d\",\"level\":%d}],\"maxActive\":3,\"status\":\"OFF_DUTY\"}")
                        .formatted(run, i, i, WORDS.get(i % WORDS.size()), WORDS.get((i * 7) % WORDS.size()),
                                run, i % SYSTEMS, 1 + i % 5);
            }
            i -= ENGINEERS;
            String a = WORDS.get(random.nextInt(WORDS.size()));
            String b = WORDS.get(random.nextInt(WORDS.size()));
            String c = WORDS.get(random.nextInt(WORDS.size()));
            boolean marked = i % 1000 == 0;
            String title = marked ? marker(run) + " marker fault" : a + " " + b + " fault";
            String resolver = marked ? run + "-E7" : run + "-E" + random.nextInt(ENGINEERS);
            return ("{\"type\":\"incident\",\"id\":\"%s-I%d\",\"systemId\":\"%s-S%d\",\"title\":\"%s\","
                    + "\"description\":\"The %s reported a %s problem near the %s after a restart of the line\","
                    + "\"resolution\":\"Checked the %s and replaced the %s\",\"resolvedBy\":\"%s\","
                    + "\"openedAt\":\"2025-03-01T08:00:00Z\",\"resolvedAt\":\"2025-03-01T10:00:00Z\"}")
                    .formatted(run, i, run, random.nextInt(SYSTEMS), title, a, b, c, b, c, resolver);
        };
    }

    /** Generates the body line by line as the client reads it; nothing bigger than one line is held. */
    static final class LinesInputStream extends InputStream {
        private final Iterator<String> lines;
        private byte[] current = new byte[0];
        private int position;

        LinesInputStream(int count, IntFunction<String> line) {
            this.lines = new Iterator<>() {
                int next;

                @Override
                public boolean hasNext() {
                    return next < count;
                }

                @Override
                public String next() {
                    return line.apply(next++) + "\n";
                }
            };
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return current[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }

        private boolean fill() {
            while (position >= current.length) {
                if (!lines.hasNext()) {
                    return false;
                }
                current = lines.next().getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return true;
        }
    }
}

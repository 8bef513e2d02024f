package io.switchboard.routing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.switchboard.support.Api;
import io.switchboard.support.Fixtures;
import io.switchboard.support.StompTestClient;
import tools.jackson.databind.JsonNode;

/** What routing tests do over and over: engineers' accounts and live clients, waiting for offers and states. */
final class RoutingScenario {
    private final int port;
    private final Fixtures fixtures;
    private final Api admin;
    private final Map<String, String> users = new HashMap<>();

    RoutingScenario(int port, Fixtures fixtures) {
        this.port = port;
        this.fixtures = fixtures;
        this.admin = fixtures.admin();
    }

    StompTestClient connect(String username) throws Exception {
        return StompTestClient.connect(port, username, Fixtures.PASSWORD);
    }

    /** Makes the engineer's account and remembers it for {@link #userOf}. */
    String engineerUser(String engineerId) {
        return users.computeIfAbsent(engineerId, fixtures::engineerUser);
    }

    String userOf(String engineerId) {
        return users.get(engineerId);
    }

    void awaitStatus(String incident, String status) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> admin.get("/api/incidents/" + incident).get("status"), status::equals);
    }

    /** The next live message of this type about this incident, skipping others; fails after 10 s. */
    static JsonNode nextFor(BlockingQueue<JsonNode> queue, String type, String incident) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            var message = queue.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && type.equals(message.path("type").asString())
                    && incident.equals(message.path("incidentId").asString())) {
                return message;
            }
        }
        throw new AssertionError("no " + type + " for " + incident);
    }

    /** Waits until the engineer has a pending offer for the incident, and returns its id. */
    static String pendingOffer(Api engineer, String incident) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(25))
                .until(() -> {
                    for (var offer : engineer.get("/api/me/offers").json()) {
                        if (incident.equals(offer.path("incidentId").asString())) {
                            return offer.path("offerId").asString();
                        }
                    }
                    return null;
                }, id -> id != null);
    }

    static List<JsonNode> entriesOf(JsonNode timeline, String type) {
        var found = new ArrayList<JsonNode>();
        for (var entry : timeline) {
            if (type.equals(entry.path("type").asString())) {
                found.add(entry);
            }
        }
        return found;
    }

    static List<String> entries(JsonNode timeline, String type) {
        return entriesOf(timeline, type).stream().map(entry -> entry.path("detail").asString()).toList();
    }
}

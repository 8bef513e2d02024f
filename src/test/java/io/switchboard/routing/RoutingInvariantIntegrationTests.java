package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.incidents.IncidentLifecycle;
import io.switchboard.incidents.IncidentStatus;
import io.switchboard.support.Api;
import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;
import io.switchboard.support.MutableClock;

/**
 * The routing invariant under a storm of random operations, interleaved as real users would: accepts, declines,
 * offers running out, engineers changing status, dispatchers re-routing, broadcasting and assigning, engineers
 * resolving. After every step, once the sweep and the asynchronous listeners have had their moment, no incident
 * is in ROUTING without a ringing (pending, not yet expired) offer, none is left OPEN, and no incident that left
 * routing still rings anyone. Finally, with nobody answering, every incident ends assigned, resolved or escalated.
 * The seed is printed and can be replayed with -Dstorm.seed=...
 */
@IntegrationTest
class RoutingInvariantIntegrationTests {
    private static final int STEPS = 60;
    private static final int MAX_INCIDENTS = 12;
    private static final List<String> SEVERITIES = List.of("SEV1", "SEV2", "SEV3", "SEV4");
    /** Longer than every policy's offer timeout: one jump expires every ringing offer. */
    private static final Duration PAST_EVERY_OFFER = Duration.ofSeconds(61);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Offers offers;

    @Autowired
    IncidentLifecycle incidents;

    private final List<String> steps = new ArrayList<>();
    private long seed;

    @Test
    void aRandomStormNeverLeavesAnIncidentRoutingWithoutARingingOffer() {
        seed = Long.getLong("storm.seed", System.nanoTime());
        System.out.println("Routing storm seed: " + seed);
        var random = new Random(seed);
        var fixtures = new Fixtures(port);
        var admin = fixtures.admin();
        var dispatcher = fixtures.as(fixtures.dispatcherUser());
        String system = fixtures.system(fixtures.customer());
        Map<String, Api> engineers = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            String engineer = fixtures.engineer(system, 1 + random.nextInt(5), 2 + random.nextInt(2));
            engineers.put(engineer, fixtures.as(fixtures.engineerUser(engineer)));
        }
        var engineerIds = List.copyOf(engineers.keySet());
        var opened = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            opened.add(fixtures.quietIncident(admin, system, pick(random, SEVERITIES)));
        }
        settled("opened " + opened, opened);

        for (int step = 0; step < STEPS; step++) {
            // a resolved incident only answers 409 to everything, so the storm mostly aims at live ones
            var live = opened.stream().filter(id -> incidents.get(id).status() != IncidentStatus.RESOLVED).toList();
            String incident = pick(random, live.isEmpty() ? opened : live);
            String engineer = pick(random, engineerIds);
            var engineerApi = engineers.get(engineer);
            String did = switch (random.nextInt(9)) {
                case 0 -> {
                    if (opened.size() >= MAX_INCIDENTS) {
                        yield "nothing (enough incidents)";
                    }
                    opened.add(fixtures.quietIncident(admin, system, pick(random, SEVERITIES)));
                    yield "opened " + opened.getLast();
                }
                case 1, 2 -> answer(engineerApi, engineer, random, "accept", "");
                case 3 -> answer(engineerApi, engineer, random, "decline", "{\"reason\":\"storm\"}");
                case 4 -> {
                    clock.advance(PAST_EVERY_OFFER);
                    yield "let every ringing offer run out";
                }
                case 5 -> {
                    String status = pick(random, List.of("AVAILABLE", "AVAILABLE", "BUSY", "OFF_DUTY"));
                    yield call(engineer + " went " + status,
                            engineerApi.put("/api/me/status", "{\"status\":\"" + status + "\"}"));
                }
                case 6 -> call("re-routed " + incident, dispatcher.post("/api/incidents/" + incident + "/reroute", "{}"));
                case 7 -> call("broadcast " + incident, dispatcher.post("/api/incidents/" + incident + "/broadcast", "{}"));
                default -> random.nextBoolean()
                        ? call("assigned " + incident + " to " + engineer, dispatcher.post("/api/incidents/" + incident
                                + "/assign", "{\"engineerId\":\"" + engineer + "\"}"))
                        : call("resolved " + incident, dispatcher.post("/api/incidents/" + incident + "/resolve",
                                "{\"resolution\":\"storm\"}"));
            };
            settled(did, opened);
        }

        // nobody answers any more: whatever still rings runs out wave by wave and ends somewhere
        for (int jump = 0; jump < 40 && opened.stream().anyMatch(this::stillRouting); jump++) {
            clock.advance(PAST_EVERY_OFFER);
            settled("let every ringing offer run out (drain)", opened);
        }
        assertThat(opened).as(story()).noneMatch(this::stillRouting);
    }

    /** The engineer accepts or declines one of their ringing offers, if they have any. */
    private String answer(Api engineerApi, String engineer, Random random, String how, String body) {
        var ringing = engineerApi.get("/api/me/offers").json();
        if (ringing.isEmpty()) {
            return engineer + " had nothing to " + how;
        }
        var offer = ringing.get(random.nextInt(ringing.size()));
        return call(engineer + " " + how + (how.endsWith("e") ? "d " : "ed ") + offer.path("incidentId").asString(),
                engineerApi.post("/api/offers/" + offer.path("offerId").asString() + "/" + how, body));
    }

    /** Any answer but a server error is fine: many random calls are rightly refused (409), and that is the point. */
    private String call(String what, Api.Response response) {
        String step = what + " -> " + response.status();
        assertThat(response.status()).as(story() + step + " " + response).isLessThan(500);
        return step;
    }

    /** Waits until the invariant holds for every incident of the storm; fails with the story so far. */
    private void settled(String step, List<String> opened) {
        steps.add(step);
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> opened.stream().allMatch(this::holds));
        } catch (ConditionTimeoutException e) {
            var broken = opened.stream().filter(incident -> !holds(incident))
                    .map(incident -> incident + " " + incidents.get(incident).status() + " pending="
                            + offers.findByIncidentIdAndStatus(incident, OfferStatus.PENDING).size())
                    .toList();
            throw new AssertionError(story() + "invariant broken for " + broken, e);
        }
    }

    private boolean holds(String incident) {
        var status = incidents.get(incident).status();
        var now = clock.instant();
        var pending = offers.findByIncidentIdAndStatus(incident, OfferStatus.PENDING);
        return switch (status) {
            case OPEN -> false;
            case ROUTING -> pending.stream().anyMatch(offer -> !offer.hasExpiredAt(now));
            default -> pending.isEmpty();
        };
    }

    private boolean stillRouting(String incident) {
        var status = incidents.get(incident).status();
        return status == IncidentStatus.ROUTING || status == IncidentStatus.OPEN;
    }

    private String story() {
        return "seed " + seed + ", steps:\n  " + String.join("\n  ", steps) + "\n";
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}

package io.switchboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.simp.broker.DefaultSubscriptionRegistry;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.support.AbstractMessageChannel;
import org.springframework.messaging.support.ExecutorChannelInterceptor;

import io.switchboard.support.Api;
import io.switchboard.support.Fixtures;
import io.switchboard.support.IntegrationTest;
import io.switchboard.support.LiveAssert;
import io.switchboard.support.StompTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Who hears what over STOMP: the handshake needs credentials, a subscription the user may not read is
 * refused with an ERROR frame, clients cannot send, and each user only hears about their own incidents
 * and offers.
 */
@IntegrationTest
class LiveDestinationsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SimpMessagingTemplate broker;

    @Autowired
    SimpleBrokerMessageHandler brokerHandler;

    @Autowired
    SimpUserRegistry users;

    @Autowired
    @Qualifier("clientOutboundChannel")
    AbstractMessageChannel clientOutbound;

    @Autowired
    @Qualifier("brokerChannel")
    AbstractMessageChannel brokerChannel;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
    }

    @Test
    void messagesToOneUserArriveInTheOrderTheyWereSent() throws Exception {
        String engineer = fixtures.engineer(fixtures.system(fixtures.customer()), 5, 10);
        String user = fixtures.engineerUser(engineer);
        try (var client = StompTestClient.connect(port, user, Fixtures.PASSWORD)) {
            var offers = client.subscribe("/user/queue/offers");
            // e.g. an OFFER and, a moment later, its OFFER_WITHDRAWN: the other way round, the offer would ring on
            int count = 300;
            for (int n = 0; n < count; n++) {
                broker.convertAndSendToUser(user, "/queue/offers", java.util.Map.of("type", "ORDER_CHECK", "n", n));
            }
            var received = new ArrayList<Integer>();
            for (int n = 0; n < count; n++) {
                received.add(StompTestClient.next(offers, "ORDER_CHECK", 10).path("n").asInt());
            }
            assertThat(received).isSorted();
        }
    }

    @Test
    void theReceiptForAUserQueueComesOnlyOnceTheBrokerHasTheSubscription() throws Exception {
        String engineer = fixtures.engineer(fixtures.system(fixtures.customer()), 5, 10);
        String user = fixtures.engineerUser(engineer);
        // the user queue's subscription reaches the broker late, as it may when the machine is busy: it is translated
        // to the session's own queue by another task than the one that sees the client's SUBSCRIBE
        ExecutorChannelInterceptor slowRegistration = new ExecutorChannelInterceptor() {
            @Override
            public Message<?> beforeHandle(Message<?> message, MessageChannel channel, MessageHandler handler) {
                if (handler instanceof SimpleBrokerMessageHandler
                        && SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) == SimpMessageType.SUBSCRIBE) {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return message;
            }
        };
        brokerChannel.addInterceptor(slowRegistration);
        try (var client = StompTestClient.connect(port, user, Fixtures.PASSWORD)) {
            var offers = client.subscribe("/user/queue/offers");

            broker.convertAndSendToUser(user, "/queue/offers", java.util.Map.of("type", "RIGHT_AFTER_RECEIPT"));

            StompTestClient.next(offers, "RIGHT_AFTER_RECEIPT", 5);
        } finally {
            brokerChannel.removeInterceptor(slowRegistration);
        }
    }

    @Test
    void aFrameIsWrittenByTheThreadThatSendsItNotHandedToAnotherThread() throws Exception {
        String engineer = fixtures.engineer(fixtures.system(fixtures.customer()), 5, 10);
        String user = fixtures.engineerUser(engineer);
        var writers = new CopyOnWriteArrayList<Thread>();
        ExecutorChannelInterceptor recordWriter = new ExecutorChannelInterceptor() {
            @Override
            public Message<?> beforeHandle(Message<?> message, MessageChannel channel, MessageHandler handler) {
                if (message.getPayload() instanceof byte[] json && new String(json).contains("WRITER_CHECK")) {
                    writers.add(Thread.currentThread());
                }
                return message;
            }
        };
        try (var client = StompTestClient.connect(port, user, Fixtures.PASSWORD)) {
            var offers = client.subscribe("/user/queue/offers");
            clientOutbound.addInterceptor(recordWriter);
            try {
                broker.convertAndSendToUser(user, "/queue/offers", java.util.Map.of("type", "WRITER_CHECK"));
                StompTestClient.next(offers, "WRITER_CHECK", 10);
            } finally {
                clientOutbound.removeInterceptor(recordWriter);
            }
        }
        // Handed to an executor, an offer's frame waited for a core behind every runnable request under load.
        assertThat(writers).containsExactly(Thread.currentThread());
    }

    @Test
    void aClientThatStopsReadingHoldsUpASenderForAtMostTwoSecondsAndIsThenDisconnected() throws Exception {
        String engineer = fixtures.engineer(fixtures.system(fixtures.customer()), 5, 10);
        String user = fixtures.engineerUser(engineer);
        // reads CONNECTED and the receipt, and nothing after them
        var client = RawStomp.connect(port, user, Fixtures.PASSWORD, 2);
        client.socket().sendText("SUBSCRIBE\nid:1\ndestination:/user/queue/offers\nreceipt:r1\n\n\0", true)
                .get(10, TimeUnit.SECONDS);
        assertThat(client.frames().poll(10, TimeUnit.SECONDS)).startsWith("RECEIPT");

        // Far more than the socket buffers on both ends hold: the writer blocks once they are full.
        String text = "x".repeat(16_000);
        long longestSend = 0;
        for (int n = 0; n < 3_000 && !client.closed().isDone(); n++) {
            long start = System.nanoTime();
            broker.convertAndSendToUser(user, "/queue/offers", java.util.Map.of("type", "FLOOD", "text", text));
            longestSend = Math.max(longestSend, System.nanoTime() - start);
        }
        assertThat(Duration.ofNanos(longestSend)).as("longest single send").isLessThan(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(longestSend)).as("the buffers did fill up").isGreaterThan(Duration.ofMillis(1_500));
        await().atMost(Duration.ofSeconds(10)).until(() -> users.getUser(user) == null);
        client.socket().abort();
    }

    @Test
    void theBrokerRemembersTheSubscribersOfEveryQueueOfThousandsOfConnectedUsers() {
        var registry = (DefaultSubscriptionRegistry) brokerHandler.getSubscriptionRegistry();
        assertThat(registry.getCacheLimit()).as("destinations cached: two per engineer of 5,000 and more")
                .isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void aMessageLargerThanAnyClientFrameClosesTheConnectionAsTooBigWhileSmallFramesAreServed() throws Exception {
        var client = RawStomp.connect(port, "admin", Fixtures.ADMIN_PASSWORD, Integer.MAX_VALUE);

        // within Tomcat's default of 8,192 characters and the 16,640 that Spring's STOMP handler sets, above ours
        String huge = "SUBSCRIBE\nid:1\ndestination:/topic/board\nnote:" + "x".repeat(4_000) + "\n\n\0";
        client.socket().sendText(huge, true).get(10, TimeUnit.SECONDS);
        assertThat(client.closed().get(10, TimeUnit.SECONDS)).as("close status; frames before it: %s", client.frames())
                .isEqualTo(1009);
    }

    /** A bare STOMP client over the JDK's WebSocket: it reads only as many frames as it is told to, then stops. */
    private record RawStomp(WebSocket socket, BlockingQueue<String> frames, CompletableFuture<Integer> closed) {

        /** Opens /ws with Basic credentials and sends CONNECT; returns once CONNECTED has arrived. */
        static RawStomp connect(int port, String user, String password, int framesToRead) throws Exception {
            var closed = new CompletableFuture<Integer>();
            var frames = new LinkedBlockingQueue<String>();
            var read = new AtomicInteger();
            var socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", Api.basic(user, password))
                    .buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            frames.add(data.toString());
                            if (read.incrementAndGet() < framesToRead) {
                                ws.request(1);
                            }
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                            closed.complete(status);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            socket.sendText("CONNECT\naccept-version:1.2\nhost:localhost\n\n\0", true).get(10, TimeUnit.SECONDS);
            assertThat(frames.poll(10, TimeUnit.SECONDS)).as("answer to a CONNECT").startsWith("CONNECTED");
            return new RawStomp(socket, frames, closed);
        }
    }

    @Test
    void theHandshakeWithoutValidCredentialsIsRefusedWith401() {
        assertThat(handshakeStatus(null)).isEqualTo(401);
        assertThat(handshakeStatus(Api.basic("admin", "wrong-password"))).isEqualTo(401);
        assertThat(Api.anonymous(port).get("/ws").status()).isEqualTo(401);
        assertThatThrownBy(() -> StompTestClient.connect(port, "admin", "wrong-password")).isInstanceOf(Exception.class);
    }

    private int handshakeStatus(String authorization) {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        try {
            builder.buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() {
            }).get(10, TimeUnit.SECONDS).abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Stream<Arguments> refusedSubscriptions() {
        return Stream.of(
                Arguments.of("ENGINEER", "/topic/board"),
                Arguments.of("CUSTOMER", "/topic/board"),
                Arguments.of("CUSTOMER", "/user/queue/offers"),
                Arguments.of("DISPATCHER", "/user/queue/offers"),
                Arguments.of("ADMIN", "/user/queue/offers"),
                Arguments.of("ADMIN", "/topic/anything"),
                Arguments.of("ADMIN", "/queue/offers"),
                Arguments.of("ENGINEER", "/queue/incidents"),
                Arguments.of("ENGINEER", "/user/admin/queue/offers"),
                Arguments.of("DISPATCHER", "/topic/board/secret"),
                Arguments.of("DISPATCHER", "/app/board"));
    }

    @ParameterizedTest(name = "{0} subscribing to {1} gets an ERROR frame")
    @MethodSource("refusedSubscriptions")
    void aSubscriptionTheUserMayNotReadIsRefused(String role, String destination) throws Exception {
        try (var client = connectAs(role)) {
            client.subscribeUnconfirmed(destination);
            var error = client.errors.poll(10, TimeUnit.SECONDS);
            assertThat(error).as("ERROR frame (or the server closing the connection) for " + destination).isNotNull();
        }
    }

    static Stream<Arguments> allowedSubscriptions() {
        return Stream.of(
                Arguments.of("ENGINEER", "/user/queue/offers"),
                Arguments.of("ENGINEER", "/user/queue/incidents"),
                Arguments.of("CUSTOMER", "/user/queue/incidents"),
                Arguments.of("DISPATCHER", "/topic/board"),
                Arguments.of("ADMIN", "/topic/board"));
    }

    @ParameterizedTest(name = "{0} may subscribe to {1}")
    @MethodSource("allowedSubscriptions")
    void theDocumentedSubscriptionsAreServed(String role, String destination) throws Exception {
        try (var client = connectAs(role)) {
            client.subscribe(destination);
            assertThat(client.errors.poll(200, TimeUnit.MILLISECONDS)).isNull();
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void clientsMayNotSendToApplicationDestinations() throws Exception {
        try (var client = StompTestClient.connect(port, "admin", Fixtures.ADMIN_PASSWORD)) {
            client.send("/app/anything", "{\"type\":\"HELLO\"}");
            assertThat(client.errors.poll(10, TimeUnit.SECONDS)).as("ERROR frame for SEND").isNotNull();
        }
        try (var client = StompTestClient.connect(port, "admin", Fixtures.ADMIN_PASSWORD)) {
            client.send("/topic/board", "{\"type\":\"ESCALATED\",\"incidentId\":\"fake\"}");
            assertThat(client.errors.poll(10, TimeUnit.SECONDS)).as("ERROR frame for SEND to the board").isNotNull();
        }
    }

    @Test
    void aCustomerHearsAboutTheirOwnIncidentsOnly() throws Exception {
        String customerA = fixtures.customer();
        String customerB = fixtures.customer();
        String systemA = fixtures.system(customerA);
        String systemB = fixtures.system(customerB);
        var admin = fixtures.admin();
        try (var clientA = StompTestClient.connect(port, fixtures.customerUser(customerA), Fixtures.PASSWORD);
                var clientB = StompTestClient.connect(port, fixtures.customerUser(customerB), Fixtures.PASSWORD)) {
            var updatesA = clientA.subscribe("/user/queue/incidents");
            var updatesB = clientB.subscribe("/user/queue/incidents");

            String incidentB = fixtures.quietIncident(admin, systemB, "SEV4");
            LiveAssert.awaitStatus(updatesB, incidentB, "ROUTING");
            String incidentA = fixtures.quietIncident(admin, systemA, "SEV4");
            LiveAssert.awaitStatus(updatesA, incidentA, "ROUTING");

            var heardByA = drain(updatesA);
            assertThat(heardByA).extracting(m -> m.path("incidentId").asString()).doesNotContain(incidentB);
            var heardByB = drain(updatesB);
            assertThat(heardByB).extracting(m -> m.path("incidentId").asString()).doesNotContain(incidentA);
        }
    }

    @Test
    void anEngineerHearsOnlyTheirOwnOffers() throws Exception {
        String customer = fixtures.customer();
        String systemOne = fixtures.system(customer);
        String systemTwo = fixtures.system(customer);
        String one = fixtures.engineer(systemOne, 5, 10);
        String two = fixtures.engineer(systemTwo, 5, 10);
        var admin = fixtures.admin();
        try (var clientOne = StompTestClient.connect(port, fixtures.engineerUser(one), Fixtures.PASSWORD);
                var clientTwo = StompTestClient.connect(port, fixtures.engineerUser(two), Fixtures.PASSWORD)) {
            var offersOne = clientOne.subscribe("/user/queue/offers");
            var offersTwo = clientTwo.subscribe("/user/queue/offers");

            String incidentOne = fixtures.quietIncident(admin, systemOne, "SEV4");
            String incidentTwo = fixtures.quietIncident(admin, systemTwo, "SEV4");

            assertThat(StompTestClient.next(offersOne, "OFFER", 10).path("incidentId").asString()).isEqualTo(incidentOne);
            assertThat(StompTestClient.next(offersTwo, "OFFER", 10).path("incidentId").asString()).isEqualTo(incidentTwo);
            assertThat(drain(offersOne)).extracting(m -> m.path("incidentId").asString()).doesNotContain(incidentTwo);
            assertThat(drain(offersTwo)).extracting(m -> m.path("incidentId").asString()).doesNotContain(incidentOne);
        }
    }

    @Test
    void whenOneEngineerAcceptsTheOtherHearsTheOfferWasWithdrawn() throws Exception {
        String system = fixtures.system(fixtures.customer());
        String taker = fixtures.engineer(system, 5, 10);
        String other = fixtures.engineer(system, 4, 10);
        String takerUser = fixtures.engineerUser(taker);
        try (var takerClient = StompTestClient.connect(port, takerUser, Fixtures.PASSWORD);
                var otherClient = StompTestClient.connect(port, fixtures.engineerUser(other), Fixtures.PASSWORD)) {
            var takerOffers = takerClient.subscribe("/user/queue/offers");
            var otherOffers = otherClient.subscribe("/user/queue/offers");
            // SEV1 rings three engineers at once
            String incident = fixtures.quietIncident(fixtures.admin(), system, "SEV1");
            var takerOffer = StompTestClient.next(takerOffers, "OFFER", 10);
            var otherOffer = StompTestClient.next(otherOffers, "OFFER", 10);
            assertThat(takerOffer.path("incidentId").asString()).isEqualTo(incident);
            assertThat(otherOffer.path("incidentId").asString()).isEqualTo(incident);
            assertThat(otherOffer.path("severity").asString()).isEqualTo("SEV1");
            assertThat(otherOffer.path("expiresAt").asString()).isNotBlank();

            var accepted = fixtures.as(takerUser).post("/api/offers/" + takerOffer.path("offerId").asString() + "/accept", "");
            assertThat(accepted.status()).isEqualTo(200);

            var withdrawn = StompTestClient.next(otherOffers, "OFFER_WITHDRAWN", 10);
            assertThat(withdrawn.path("offerId").asString()).isEqualTo(otherOffer.path("offerId").asString());
            assertThat(withdrawn.path("incidentId").asString()).isEqualTo(incident);
            assertThat(withdrawn.path("reason").asString()).isNotBlank();
            assertThat(drain(takerOffers)).extracting(m -> m.path("type").asString()).doesNotContain("OFFER_WITHDRAWN");
        }
    }

    @Test
    void theBoardHearsEngineerStatusChanges() throws Exception {
        String engineer = fixtures.engineer(fixtures.system(fixtures.customer()), 1, 10);
        String engineerUser = fixtures.engineerUser(engineer);
        try (var board = StompTestClient.connect(port, fixtures.dispatcherUser(), Fixtures.PASSWORD)) {
            var messages = board.subscribe("/topic/board");
            var changed = fixtures.as(engineerUser).put("/api/me/status", "{\"status\":\"OFF_DUTY\"}");
            assertThat(changed.status()).isEqualTo(200);
            JsonNode status;
            do {
                status = StompTestClient.next(messages, "ENGINEER_STATUS", 10);
            } while (!engineer.equals(status.path("engineerId").asString()));
            assertThat(status.path("status").asString()).isEqualTo("OFF_DUTY");
        }
    }

    /** Everything that arrives until the queue has been quiet for half a second. */
    private static List<JsonNode> drain(BlockingQueue<JsonNode> queue) throws InterruptedException {
        var all = new ArrayList<JsonNode>();
        JsonNode message;
        while ((message = queue.poll(500, TimeUnit.MILLISECONDS)) != null) {
            all.add(message);
        }
        return all;
    }

    private StompTestClient connectAs(String role) throws Exception {
        return switch (role) {
            case "ADMIN" -> StompTestClient.connect(port, "admin", Fixtures.ADMIN_PASSWORD);
            case "DISPATCHER" -> StompTestClient.connect(port, fixtures.dispatcherUser(), Fixtures.PASSWORD);
            case "CUSTOMER" -> StompTestClient.connect(port, fixtures.customerUser(fixtures.customer()), Fixtures.PASSWORD);
            case "ENGINEER" -> StompTestClient.connect(port,
                    fixtures.engineerUser(fixtures.engineer(fixtures.system(fixtures.customer()), 1, 10)), Fixtures.PASSWORD);
            default -> throw new IllegalArgumentException(role);
        };
    }
}

package io.switchboard.support;

import java.lang.reflect.Type;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpHeaders;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real STOMP client over a real WebSocket, signed in with HTTP Basic on the handshake. */
public final class StompTestClient implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocketStompClient client;
    private final StompSession session;
    /** ERROR frames from the server, e.g. a refused subscription, and the connection being closed ("transport: ..."). */
    public final BlockingQueue<String> errors = new LinkedBlockingQueue<>();

    private StompTestClient(WebSocketStompClient client, StompSession session, BlockingQueue<String> errors) {
        this.client = client;
        this.session = session;
        this.errors.addAll(errors);
    }

    public static StompTestClient connect(int port, String username, String password) throws Exception {
        var client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new StringMessageConverter() {
            @Override
            protected boolean supportsMimeType(org.springframework.messaging.MessageHeaders headers) {
                return true; // the server sends application/json; the test reads it as text and parses it
            }
        });
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        client.setTaskScheduler(scheduler);
        var headers = new WebSocketHttpHeaders();
        headers.add(HttpHeaders.AUTHORIZATION, Api.basic(username, password));
        var errors = new LinkedBlockingQueue<String>();
        var holder = new StompTestClient[1];
        var session = client.connectAsync("ws://localhost:" + port + "/ws", headers, new StompSessionHandlerAdapter() {
            @Override
            public void handleFrame(StompHeaders frame, Object payload) {
                String message = frame.getFirst("message");
                (holder[0] == null ? errors : holder[0].errors).add(message == null ? String.valueOf(payload) : message);
            }

            @Override
            public void handleTransportError(StompSession session, Throwable exception) {
                // the server closed the connection (it does so right after an ERROR frame)
                (holder[0] == null ? errors : holder[0].errors).add("transport: " + exception);
            }

            @Override
            public Type getPayloadType(StompHeaders headers) {
                return String.class;
            }
        }).get(10, TimeUnit.SECONDS);
        holder[0] = new StompTestClient(client, session, errors);
        return holder[0];
    }

    /** Subscribes and waits for the server's receipt, so no message sent afterwards can be missed. */
    public BlockingQueue<JsonNode> subscribe(String destination) throws Exception {
        var messages = new LinkedBlockingQueue<JsonNode>();
        var headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setReceipt("r-" + destination);
        var receipt = new CompletableFuture<Void>();
        var subscription = session.subscribe(headers, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return String.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                messages.add(JSON.readTree((String) payload));
            }
        });
        subscription.addReceiptTask(() -> receipt.complete(null));
        subscription.addReceiptLostTask(() -> receipt.completeExceptionally(new IllegalStateException("no receipt")));
        receipt.get(10, TimeUnit.SECONDS);
        return messages;
    }

    /** Subscribes without waiting, for subscriptions the server is expected to refuse. */
    public void subscribeUnconfirmed(String destination) {
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return String.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
            }
        });
    }

    /** Sends a frame to an application destination, e.g. one the server is expected to refuse. */
    public void send(String destination, String body) {
        session.send(destination, body);
    }

    public boolean isConnected() {
        return session.isConnected();
    }

    /** Waits for a message of the given type and returns it; fails after the timeout. */
    public static JsonNode next(BlockingQueue<JsonNode> queue, String type, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode message = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("no " + type + " message within " + seconds + "s");
            }
            if (type.equals(message.path("type").asString())) {
                return message;
            }
        }
    }

    @Override
    public void close() {
        try {
            if (session.isConnected()) {
                session.disconnect();
            }
        } catch (RuntimeException e) {
            // the server closed the session first (e.g. after an ERROR frame): nothing left to disconnect
        } finally {
            client.stop();
        }
    }
}

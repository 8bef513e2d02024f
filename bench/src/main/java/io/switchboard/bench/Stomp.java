package io.switchboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The least STOMP 1.2 client that can hold thousands of sessions in one JVM: a JDK WebSocket (all sessions share the
 * HttpClient's one selector thread), no heart-beats, one subscription, frames handed to a callback as they arrive.
 */
final class Stomp implements WebSocket.Listener {

    /** One STOMP frame: command, headers, body. */
    record Frame(String command, Map<String, String> headers, String body) {
        static Frame parse(String text) {
            int end = text.indexOf('\0');
            String frame = end < 0 ? text : text.substring(0, end);
            int bodyStart = frame.indexOf("\n\n");
            String head = bodyStart < 0 ? frame : frame.substring(0, bodyStart);
            String body = bodyStart < 0 ? "" : frame.substring(bodyStart + 2);
            String[] lines = head.split("\n");
            var headers = new LinkedHashMap<String, String>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(lines[i].substring(0, colon), lines[i].substring(colon + 1));
                }
            }
            return new Frame(lines[0].strip(), headers, body);
        }
    }

    private final Consumer<Frame> onFrame;
    private final Consumer<String> onClosed;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private final String destination;
    private WebSocket socket;

    private Stomp(String destination, Consumer<Frame> onFrame, Consumer<String> onClosed) {
        this.destination = destination;
        this.onFrame = onFrame;
        this.onClosed = onClosed;
    }

    /**
     * Opens the WebSocket with the session cookie, sends CONNECT, and SUBSCRIBE with a receipt once CONNECTED; the
     * future completes at the RECEIPT, so no message sent after it can be missed. Fails, with the socket aborted, when
     * the handshake or the receipt takes longer than {@code timeout} each: a half-open session is not left behind.
     */
    static CompletableFuture<Stomp> connect(HttpClient http, URI uri, String cookie, String destination,
            Duration timeout, Consumer<Frame> onFrame, Consumer<String> onClosed) {
        var stomp = new Stomp(destination, onFrame, onClosed);
        return http.newWebSocketBuilder().header("Cookie", cookie).connectTimeout(timeout).buildAsync(uri, stomp)
                .thenCompose(ws -> {
                    stomp.socket = ws;
                    return ws.sendText("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n\0", true);
                })
                .thenCompose(ws -> stomp.subscribed.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .whenComplete((done, failure) -> {
                    if (failure != null && stomp.socket != null) {
                        stomp.socket.abort();
                    }
                })
                .thenApply(done -> stomp);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            if (!text.isBlank()) { // a lone newline is a heart-beat
                handle(Frame.parse(text));
            }
        }
        ws.request(1);
        return null;
    }

    private void handle(Frame frame) {
        switch (frame.command()) {
            case "CONNECTED" -> socket.sendText("SUBSCRIBE\nid:0\ndestination:" + destination + "\nreceipt:r0\n\n\0", true);
            case "RECEIPT" -> subscribed.complete(null);
            case "ERROR" -> {
                subscribed.completeExceptionally(new IllegalStateException("STOMP ERROR " + frame.headers().get("message")));
                onFrame.accept(frame);
            }
            default -> onFrame.accept(frame);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        subscribed.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        onClosed.accept(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        subscribed.completeExceptionally(error);
        onClosed.accept(error.toString());
    }

    void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendText("DISCONNECT\n\n\0", true).thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""));
        }
    }
}

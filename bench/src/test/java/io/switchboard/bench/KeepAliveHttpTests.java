package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load driver's HTTP client against a server scripted request by request on a loopback socket. */
class KeepAliveHttpTests {
    ServerSocket server;
    KeepAliveHttp http;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        server.setSoTimeout(5_000);
        http = new KeepAliveHttp("http://127.0.0.1:" + server.getLocalPort(), Duration.ofMillis(500));
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    @Test
    void aKeptAliveConnectionAnswersTheNextCallWithChunkedAndSizedBodies() throws Exception {
        var serving = CompletableFuture.supplyAsync(() -> {
            try (var peer = accept()) {
                var first = peer.request();
                peer.reply("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhel\r\n2;x=y\r\nlo\r\n0\r\n\r\n");
                var second = peer.request();
                peer.reply("HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nthere");
                return List.of(first, second);
            }
        });

        var first = http.postJson("/api/a", "SESSION=s1", "token", "{\"n\":1}").get(5, TimeUnit.SECONDS);
        var second = http.postJson("/api/b", "SESSION=s1", "token", "{\"n\":2}").get(5, TimeUnit.SECONDS);

        assertThat(first).isEqualTo(new KeepAliveHttp.Reply(200, "hello", null));
        assertThat(second).isEqualTo(new KeepAliveHttp.Reply(201, "there", null));
        var requests = serving.get(5, TimeUnit.SECONDS);
        assertThat(requests.get(0)).startsWith("POST /api/a HTTP/1.1\r\n").contains("Cookie: SESSION=s1\r\n",
                "X-XSRF-TOKEN: token\r\n", "Content-Type: application/json\r\n").endsWith("\r\n\r\n{\"n\":1}");
        assertThat(requests.get(1)).startsWith("POST /api/b HTTP/1.1\r\n").endsWith("{\"n\":2}");
    }

    @Test
    void aRetryAfterInSecondsIsReadAndOneGivenAsADateIsLeftOut() throws Exception {
        var serving = CompletableFuture.runAsync(() -> {
            try (var peer = accept()) {
                peer.request();
                peer.reply("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 2\r\nContent-Length: 2\r\n\r\n{}");
                peer.request();
                peer.reply("HTTP/1.1 503 Service Unavailable\r\nRetry-After: Wed, 21 Oct 2026 07:28:00 GMT\r\n"
                        + "Content-Length: 2\r\n\r\n{}");
            }
        });

        assertThat(http.postJson("/x", "c", "t", "{}").get(5, TimeUnit.SECONDS))
                .isEqualTo(new KeepAliveHttp.Reply(503, "{}", Duration.ofSeconds(2)));
        assertThat(http.postJson("/x", "c", "t", "{}").get(5, TimeUnit.SECONDS).retryAfter()).isNull();
        serving.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aConnectionTheServerClosesAfterItsReplyIsNotUsedAgain() throws Exception {
        var serving = CompletableFuture.supplyAsync(() -> {
            var first = accept();
            first.request();
            first.reply("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\na");
            // kept open: only the header tells the client not to use it again
            try (first; var second = accept()) {
                second.request();
                second.reply("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb");
                return true;
            }
        });

        assertThat(http.postJson("/x", "c", "t", "{}").get(5, TimeUnit.SECONDS).body()).isEqualTo("a");
        assertThat(http.postJson("/x", "c", "t", "{}").get(5, TimeUnit.SECONDS).body()).isEqualTo("b");
        assertThat(serving.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aRequestMeetingAKeptConnectionTheServerHadClosedGoesOnceOverANewOne() throws Exception {
        var firstClosed = new CompletableFuture<Void>();
        var serving = CompletableFuture.supplyAsync(() -> {
            try (var first = accept()) {
                first.request();
                first.reply("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na");
            }
            firstClosed.complete(null);
            try (var second = accept()) {
                var request = second.request();
                second.reply("HTTP/1.1 201 Created\r\nContent-Length: 1\r\n\r\nb");
                return request;
            }
        });

        assertThat(http.postJson("/x", "c", "t", "{\"n\":1}").get(5, TimeUnit.SECONDS).body()).isEqualTo("a");
        firstClosed.get(5, TimeUnit.SECONDS);
        Thread.sleep(50); // the FIN reaches the client's side of the kept connection

        assertThat(http.postJson("/x", "c", "t", "{\"n\":2}").get(5, TimeUnit.SECONDS))
                .isEqualTo(new KeepAliveHttp.Reply(201, "b", null));
        assertThat(serving.get(5, TimeUnit.SECONDS)).endsWith("{\"n\":2}");
    }

    @Test
    void aRequestTheServerReadButDidNotAnswerInTimeIsNeverSentAgain() throws Exception {
        var peer = CompletableFuture.supplyAsync(() -> {
            var kept = accept();
            kept.request();
            kept.reply("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na");
            kept.request(); // read, and never answered
            return kept;
        });
        assertThat(http.postJson("/api/incidents", "c", "t", "{\"n\":1}").get(5, TimeUnit.SECONDS).body()).isEqualTo("a");

        var slow = http.postJson("/api/incidents", "c", "t", "{\"n\":2}");

        assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(SocketTimeoutException.class);
        // a second incident would have been opened by sending it again: nobody connects for it
        server.setSoTimeout(1_000);
        assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
        peer.get(5, TimeUnit.SECONDS).close();
    }

    private Peer accept() {
        try {
            return new Peer(server.accept());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void onlyPlainHttpIsSpoken() {
        assertThatThrownBy(() -> new KeepAliveHttp("https://127.0.0.1:8443"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http");
    }

    /** The server's side of one connection: reads whole requests (head and sized body) and writes raw replies. */
    static final class Peer implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
        }

        String request() {
            try {
                var head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        throw new IOException("closed before a whole request: " + head);
                    }
                    head.append((char) b);
                }
                int length = head.toString().lines().filter(l -> l.startsWith("Content-Length: "))
                        .mapToInt(l -> Integer.parseInt(l.substring("Content-Length: ".length()))).findFirst().orElse(0);
                return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void reply(String raw) {
            try {
                socket.getOutputStream().write(raw.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}

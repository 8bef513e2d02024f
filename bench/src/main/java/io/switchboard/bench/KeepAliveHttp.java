package io.switchboard.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The load driver's client for the calls it times: HTTP/1.1 POSTs over kept-alive loopback connections, each call
 * blocking in a virtual thread of its own, so a slow server never queues the driver's next call behind it.
 *
 * <p>Why not {@link java.net.http.HttpClient}: the driver shares the server's two cores, and a JFR of it showed the
 * JDK client's selector, timers and future chains taking about 70% of the driver's CPU (3.4 ms per incident at 60/s).
 * Every millisecond the driver spends is one the server under test does not get; a real user's browser runs elsewhere.
 */
final class KeepAliveHttp {
    /**
     * A reply's status, body and {@code Retry-After} (in seconds; null when absent or a date): the driver reads nothing
     * else of the calls it times.
     */
    record Reply(int status, String body, Duration retryAfter) {}

    private final int timeoutMillis;
    private final InetSocketAddress address;
    private final String host;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    KeepAliveHttp(String base) {
        this(base, Duration.ofSeconds(30));
    }

    /** {@code timeout}: for connecting, and for each read of a reply. */
    KeepAliveHttp(String base, Duration timeout) {
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        var uri = URI.create(base);
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("the load driver speaks plain http on loopback, not " + base);
        }
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
        this.host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** POSTs a JSON body with the given Cookie header (and the CSRF header that goes with its token). */
    CompletableFuture<Reply> postJson(String path, String cookie, String csrf, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + cookie + "\r\nX-XSRF-TOKEN: "
                + csrf + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return CompletableFuture.supplyAsync(() -> exchange(head, body), calls);
    }

    private Reply exchange(byte[] head, byte[] body) {
        try {
            Connection kept = idle.pollFirst();
            if (kept != null) {
                try {
                    return once(kept, head, body);
                } catch (Stale e) {
                    // closed by the server meanwhile, before it read the request: once more on a new connection.
                    // Nothing else is sent twice: a POST that timed out may have opened an incident.
                }
            }
            return once(open(), head, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Reply once(Connection connection, byte[] head, byte[] body) throws IOException {
        try {
            return connection.exchange(head, body, this);
        } catch (IOException e) {
            connection.close();
            throw e;
        }
    }

    private Connection open() throws IOException {
        var socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        socket.connect(address, timeoutMillis);
        return new Connection(socket);
    }

    /** The server had closed the connection before this request reached it. */
    private static final class Stale extends IOException {
        Stale(Throwable cause) {
            super("kept-alive connection closed by the server", cause);
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = socket.getOutputStream();
        }

        Reply exchange(byte[] head, byte[] body, KeepAliveHttp pool) throws IOException {
            byte[] request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            String statusLine;
            try {
                out.write(request);
                out.flush();
                statusLine = line();
            } catch (SocketTimeoutException e) {
                throw e; // the server has the request and is slow
            } catch (IOException e) {
                throw new Stale(e); // a write to a closed socket, or a reset instead of a reply
            }
            if (statusLine.isEmpty()) {
                throw new Stale(null);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false, keepAlive = true;
            Duration retryAfter = null;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
                    case "retry-after" -> retryAfter = value.matches("\\d{1,9}") ? Duration.ofSeconds(Long.parseLong(value)) : null;
                    default -> { }
                }
            }
            String text = new String(chunked ? chunkedBody() : in.readNBytes((int) Math.max(0, length)),
                    StandardCharsets.UTF_8);
            if (keepAlive && (chunked || length >= 0)) {
                pool.idle.offerFirst(this);
            } else {
                close();
            }
            return new Reply(status, text, retryAfter);
        }

        private byte[] chunkedBody() throws IOException {
            var body = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                int semicolon = size.indexOf(';');
                int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    while (!line().isEmpty()) {
                        // trailers, none expected
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(n));
                line();
            }
        }

        /** One header line without its CRLF; empty at the blank line that ends the headers (or at the stream's end). */
        private String line() throws IOException {
            var sb = new StringBuilder(64);
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            return sb.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}

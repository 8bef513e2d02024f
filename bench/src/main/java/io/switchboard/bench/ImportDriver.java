package io.switchboard.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.switchboard.SwitchboardApplication;

/**
 * Import throughput: starts the real application in this JVM (empty data dir, random port), streams an NDJSON file
 * through POST /api/import in one request (or --chunk N lines a request), and reports lines/s, total time and the
 * largest heap used (MemoryMXBean sampled every 500 ms; the heap is the server's, since it runs here).
 *
 * <pre>
 * bench/bench.sh import --file bench/target/data/full.ndjson [--chunk 0] [--data-dir DIR] [--keep]
 * </pre>
 */
public final class ImportDriver {

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        Path file = Path.of(a.get("file", "bench/target/data/small.ndjson"));
        long chunk = a.getLong("chunk", 0);
        Path dataDir = a.get("data-dir", null) == null ? Files.createTempDirectory("switchboard-import-")
                : Path.of(a.get("data-dir", null));
        long totalLines;
        try (var lines = Files.lines(file)) {
            totalLines = lines.count();
        }
        System.out.printf("file %s: %,d lines, %,d MB; data dir %s; load %s%n", file, totalLines, Files.size(file) >> 20,
                dataDir, load());

        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        AtomicLong maxHeap = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-sampler");
            t.setDaemon(true);
            return t;
        });
        long[] lastReport = {System.nanoTime()};
        long startAll = System.nanoTime();
        sampler.scheduleAtFixedRate(() -> {
            long used = mem.getHeapMemoryUsage().getUsed();
            maxHeap.accumulateAndGet(used, Math::max);
            if (System.nanoTime() - lastReport[0] > 10e9) {
                lastReport[0] = System.nanoTime();
                System.out.printf("  %5.0f s: %,d lines sent, heap %,d MB (max %,d MB), load %s%n",
                        (System.nanoTime() - startAll) / 1e9, sent.get(), used >> 20, maxHeap.get() >> 20, load());
            }
        }, 0, 500, TimeUnit.MILLISECONDS);

        long t0 = System.nanoTime();
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SwitchboardApplication.class).run(
                "--server.port=0", "--switchboard.data-dir=" + dataDir, "--switchboard.admin-password=x",
                "--logging.level.root=WARN", "--logging.level.io.switchboard.imports=INFO");
        int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
        System.out.printf("started on port %d in %.1f s%n", port, (System.nanoTime() - t0) / 1e9);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:x".getBytes(StandardCharsets.UTF_8));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        int requests = 0;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            LineCounting counting = new LineCounting(in, sent);
            while (true) {
                InputStream body = chunk > 0 ? new Limited(counting, chunk) : counting;
                if (chunk > 0 && counting.atEnd()) {
                    break;
                }
                HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/import"))
                        .header("Authorization", auth).header("Content-Type", "application/x-ndjson")
                        .timeout(Duration.ofHours(1)).POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
                HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
                requests++;
                String b = res.body();
                if (res.statusCode() != 200 || chunk == 0) {
                    System.out.printf("HTTP %d: %s%n", res.statusCode(), b.length() > 600 ? b.substring(0, 600) + "..." : b);
                }
                if (res.statusCode() != 200 || chunk == 0) {
                    break;
                }
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double cpuSecs = (os.getProcessCpuTime() - cpuStart) / 1e9;
        long heapNow = mem.getHeapMemoryUsage().getUsed();
        maxHeap.accumulateAndGet(heapNow, Math::max);
        long gcCount = 0, gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += gc.getCollectionCount();
            gcMillis += gc.getCollectionTime();
        }
        // CPU seconds of this JVM (server + driver) say what the import costs even when other work shares the cores.
        System.out.printf("RESULT lines=%d requests=%d time=%.1fs rate=%.0f lines/s cpu=%.1fs maxHeapUsed=%dMB heapMax=%dMB "
                + "gc=%d/%dms load=%s%n", sent.get(), requests, secs, sent.get() / secs, cpuSecs, maxHeap.get() >> 20,
                mem.getHeapMemoryUsage().getMax() >> 20, gcCount, gcMillis, load());
        sampler.shutdownNow();
        ctx.close();
        if (!a.get("keep", "false").equals("true")) {
            try (var walk = Files.walk(dataDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0); // the application leaves non-daemon threads behind after close
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /** Counts newlines read through it. */
    static final class LineCounting extends FilterInputStream {
        private final AtomicLong lines;
        private int peeked = -2;

        LineCounting(InputStream in, AtomicLong lines) {
            super(in);
            this.lines = lines;
        }

        boolean atEnd() throws IOException {
            if (peeked == -2) {
                peeked = in.read();
            }
            return peeked == -1;
        }

        @Override
        public int read() throws IOException {
            int c;
            if (peeked != -2) {
                c = peeked;
                peeked = -2;
            } else {
                c = in.read();
            }
            if (c == '\n') {
                lines.incrementAndGet();
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (peeked != -2) {
                int c = read();
                if (c < 0) {
                    return -1;
                }
                b[off] = (byte) c;
                return 1;
            }
            int n = in.read(b, off, len);
            int count = 0;
            for (int i = off; i < off + n; i++) {
                if (b[i] == '\n') {
                    count++;
                }
            }
            if (count > 0) {
                lines.addAndGet(count);
            }
            return n;
        }
    }

    /** At most {@code max} lines of the underlying stream (byte by byte, for --chunk only). */
    static final class Limited extends InputStream {
        private final InputStream in;
        private long left;

        Limited(InputStream in, long lines) {
            this.in = in;
            this.left = lines;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int c = in.read();
            if (c == '\n') {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int i = 0;
            while (i < len) {
                int c = read();
                if (c < 0) {
                    break;
                }
                b[off + i++] = (byte) c;
                if (c == '\n' && left <= 0) {
                    break;
                }
            }
            return i == 0 && len > 0 ? -1 : i;
        }
    }

    private ImportDriver() {}
}

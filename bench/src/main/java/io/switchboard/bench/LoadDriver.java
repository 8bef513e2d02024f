package io.switchboard.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAccumulator;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live routing under load: K engineers connected over STOMP, incidents opened at R per second over HTTP, each engineer
 * accepting its offer after 50–500 ms and resolving the incident a few seconds later. Measures POST /api/incidents
 * sent → OFFER frame at the engineer, the accept round trip, errors, lost offers, and the server's heap and CPU.
 *
 * <pre>
 * bench/bench.sh load --engineers 5000 --rate 100 --duration 60 [--warmup 60] [--warmup-rate 10] [--warmup-ramp-to 80]
 *                      [--history 10000]
 *                      [--server-heap 2g] [--jfr true] [--server-args="--spring.x=y ..."] [--server-jvm-args="-XX:..."]
 * bench/bench.sh load --url http://127.0.0.1:8080 --admin-password x ...   (a server you started; empty data dir)
 * </pre>
 *
 * A warm-up runs first (by default 60 s at up to 10 incidents/s) and is not measured: a server that has just started
 * spends most of a core on compiling its hot paths (C2) for a minute or more, and a dispatch service runs for weeks
 * after each start. With {@code --warmup-ramp-to} the warm-up's rate rises evenly from {@code --warmup-rate} to it, so a
 * warm-up can pass the incident counts after which the JIT's last tier compiles what runs once or twice an incident
 * (thousands of calls) without starting at a rate a cold server cannot serve. The measured part starts once the
 * warm-up's offers have arrived. What the warm-up saw is reported
 * on its own line; its incidents count for lost offers and errors like any other.
 *
 * <p>Signing in: every engineer signs in once (form login, one BCrypt check) and keeps the session cookie for the
 * WebSocket handshake and its HTTP calls, as the browser does; HTTP Basic would cost a BCrypt check per request.
 * The server it starts hashes passwords at strength 4 (switchboard.security.password-hash-strength) so creating
 * 5,000 accounts takes seconds, not minutes; production keeps 10. The CSRF token is the client's own (double-submit:
 * the same value in the XSRF-TOKEN cookie and the X-XSRF-TOKEN header).
 */
public final class LoadDriver {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CSRF = "load-driver-csrf";
    static final String PASSWORD = "load-pass-1";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    static final int CONNECT_ATTEMPTS = 3;
    static final Duration ESCALATIONS_ASKED_EVERY = Duration.ofSeconds(2);

    final Args args;
    final int engineers;
    final int rate;
    final int durationSeconds;
    final int warmupSeconds;
    final int warmupRate;
    final int warmupRampTo;
    /** Incidents numbered below this one are the warm-up's. */
    final int firstMeasured;
    /** How often a refused opening is sent again after its Retry-After (0: never), as a client keeping its user's report would. */
    final int resendRefused;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final HttpClient sockets = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** The calls the run makes and times (open, accept, resolve; see {@link KeepAliveHttp} for why not {@link #http}). */
    KeepAliveHttp calls;
    final ScheduledExecutorService timers = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "load-timer");
        t.setDaemon(true);
        return t;
    });
    String base;
    String adminCookie;
    /** The server's process when the driver started it, for its CPU time; null with --url. */
    ProcessHandle serverProcess;
    /** CPU seconds spent by the server and the driver from the first incident to the end of the grace period. */
    double serverCpuSeconds = Double.NaN, driverCpuSeconds, serverBytesWritten = Double.NaN;
    Map<String, Double> serverCpuByThreadKind = Map.of();

    // measurements
    final Recorder toOffer = new Recorder(3);
    final Histogram toOfferAll = new Histogram(3);
    final Histogram toOfferWarmup = new Histogram(3);
    final Histogram acceptRoundTrip = new Histogram(3);
    final Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
    /** When the 201 and the OFFER frame of each incident arrived (System.nanoTime), to tell a slow opening from a slow delivery. */
    final Map<Integer, Long> answeredAt = new ConcurrentHashMap<>(), offeredAt = new ConcurrentHashMap<>();
    /** Wall-clock milliseconds at System.nanoTime() zero, to line the slowest incidents up with GC and server logs. */
    final long epochMillisAtNanoZero = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
    final Map<Integer, String> incidentIds = new ConcurrentHashMap<>();
    final Map<Integer, Boolean> offered = new ConcurrentHashMap<>();
    /**
     * Incidents the server refused with a 503 (the last time, when sent again): told at once, nothing stored; not lost,
     * but not routed either.
     */
    final Map<Integer, Boolean> refused = new ConcurrentHashMap<>();
    /** Refused openings waiting for their Retry-After to be sent again: refused, should the run end first. */
    final Set<Integer> awaitingResend = ConcurrentHashMap.newKeySet();
    /** Incidents routing escalated (nobody qualified was free): its answer, learnt while waiting for the last offers. */
    final Set<Integer> escalated = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    final AtomicLong offers = new AtomicLong(), accepted = new AtomicLong(), acceptConflicts = new AtomicLong(),
            resolved = new AtomicLong(), opened = new AtomicLong(), withdrawn = new AtomicLong(),
            connectRetries = new AtomicLong(), resent = new AtomicLong();
    final AtomicLong maxHeap = new AtomicLong();
    final DoubleAccumulator maxCpu = new DoubleAccumulator(Math::max, 0);
    final List<Double> cpuSamples = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> progress = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile boolean closing;
    /** False after the grace period: what arrives later is neither measured nor answered. */
    volatile boolean measuring = true;
    /** True once the warm-up is over: the CPU samples count from then on. */
    volatile boolean warm;
    volatile double lastCpu;
    /** Index segments a search visits, sampled with the heap: each costs every search a little. */
    volatile double lastSegments = Double.NaN;
    final DoubleAccumulator maxSegments = new DoubleAccumulator(Math::max, 0);

    LoadDriver(Args args) {
        this.args = args;
        this.engineers = (int) args.getLong("engineers", 1000);
        this.rate = (int) args.getLong("rate", 100);
        this.durationSeconds = (int) args.getLong("duration", 60);
        this.warmupSeconds = (int) args.getLong("warmup", 60);
        this.warmupRate = (int) args.getLong("warmup-rate", Math.min(rate, 10));
        this.warmupRampTo = (int) args.getLong("warmup-ramp-to", warmupRate);
        this.firstMeasured = (warmupRate + warmupRampTo) * warmupSeconds / 2;
        this.resendRefused = (int) args.getLong("resend-refused", 0);
    }

    public static void main(String[] argv) throws Exception {
        var driver = new LoadDriver(new Args(argv));
        // bounded in time whatever happens: setup, the run, the grace period and the report
        var watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(driver.warmupSeconds + driver.durationSeconds
                        + driver.args.getLong("max-setup", 900)));
                System.err.println("load driver: time limit reached, stopping");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                // finished in time
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        int code;
        try (var server = driver.args.get("url", null) == null ? ServerProcess.start(driver.args) : null) {
            driver.base = server == null ? driver.args.get("url", null) : server.base();
            driver.serverProcess = server == null ? null : server.process().toHandle();
            code = driver.run();
        }
        System.exit(code);
    }

    int run() throws Exception {
        calls = new KeepAliveHttp(base);
        String adminPassword = args.get("admin-password", ServerProcess.ADMIN_PASSWORD);
        adminCookie = signIn("admin", adminPassword);
        var world = new World(new World.Params(args.getLong("seed", 42), (int) args.getLong("customers", 10), engineers,
                args.getLong("history", 10_000)));

        long t = System.nanoTime();
        importWorld(world);
        log("imported %,d systems, %,d engineers, %,d resolved incidents in %.1f s", world.systems.size(), engineers,
                world.params.incidents(), secondsSince(t));

        t = System.nanoTime();
        inParallel(engineers, 16, i -> post(adminCookie, "/api/users", """
                {"username":"%s","password":"%s","role":"ENGINEER","engineerId":"%s"}"""
                .formatted(username(i, world), PASSWORD, world.engineers.get(i).id())).thenAccept(r -> expect(r, 201, "create account")));
        log("created %,d engineer accounts in %.1f s", engineers, secondsSince(t));

        t = System.nanoTime();
        var cookies = new String[engineers];
        inParallel(engineers, 16, i -> signInAsync(username(i, world), PASSWORD).thenAccept(c -> cookies[i] = c));
        log("signed in %,d engineers in %.1f s", engineers, secondsSince(t));

        t = System.nanoTime();
        var stomps = new Stomp[engineers];
        URI ws = URI.create(base.replaceFirst("^http", "ws") + "/ws");
        inParallel(engineers, 64, i -> connect(ws, cookies[i], CONNECT_ATTEMPTS).thenAccept(s -> stomps[i] = s));
        log("connected %,d engineers over STOMP (subscribed to /user/queue/offers, receipts received) in %.1f s;"
                + " %d connect(s) tried again after %d s without an answer", engineers, secondsSince(t),
                connectRetries.get(), CONNECT_TIMEOUT.toSeconds());

        var sampler = timers.scheduleAtFixedRate(this::sampleServer, 0, 1, TimeUnit.SECONDS);
        var atStart = openIncidents(world);
        long graceSeconds = args.getLong("grace", 15);
        log("all %,d incidents sent; waiting up to %d s for the last offers", opened.get(), graceSeconds);
        awaitOffers(graceSeconds);
        sampler.cancel(false);
        var serverAtEnd = ProcessUsage.of(serverProcess);
        serverCpuSeconds = serverAtEnd.cpuSeconds() - atStart.server().cpuSeconds();
        serverBytesWritten = serverAtEnd.bytesWritten() - atStart.server().bytesWritten();
        serverCpuByThreadKind = serverAtEnd.cpuByThreadKindSince(atStart.server());
        driverCpuSeconds = cpuSeconds(ProcessHandle.current()) - atStart.driverCpuSeconds();
        measuring = false;
        sampleServer();
        var lost = unofferedIncidents();
        closing = true;
        for (var s : stomps) {
            if (s != null) {
                s.close();
            }
        }
        return report(lost);
    }

    /**
     * One engineer's STOMP session. Once in a while a handshake or receipt out of thousands never comes back; rather than
     * wait for it forever, the attempt is aborted after {@link #CONNECT_TIMEOUT} and made again.
     */
    CompletableFuture<Stomp> connect(URI ws, String cookie, int attempts) {
        return Stomp.connect(sockets, ws, cookie, "/user/queue/offers", CONNECT_TIMEOUT, frame -> onFrame(cookie, frame),
                closed -> {
                    if (!closing) {
                        error("STOMP closed by the server: " + closed);
                    }
                }).handle((stomp, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedFuture(stomp);
                    }
                    if (attempts <= 1) {
                        return CompletableFuture.<Stomp>failedFuture(failure);
                    }
                    connectRetries.incrementAndGet();
                    return connect(ws, cookie, attempts - 1);
                }).thenCompose(next -> next);
    }

    /**
     * Opens incidents at a fixed rate (open loop: a slow answer does not delay the next one), after the warm-up and its
     * last offers. Returns what the server and the driver had used when the measured part began.
     */
    UsageAtStart openIncidents(World world) throws InterruptedException {
        long start = System.nanoTime();
        var recorded = new java.util.concurrent.atomic.AtomicReference<Histogram>();
        var report = timers.scheduleAtFixedRate(() -> {
            Histogram h = toOffer.getIntervalHistogram(recorded.get());
            recorded.set(h);
            log("  %3.0f s%s: %,d incidents sent, %,d offers, %,d accepted, %,d resolved; last 5 s to OFFER p50 %.1f"
                    + " p99 %.1f max %.1f ms; server heap %,d MB cpu %.0f%% index segments %.0f", secondsSince(start),
                    warm ? "" : " (warm-up)", opened.get(), offers.get(), accepted.get(), resolved.get(),
                    ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()),
                    maxHeap.get() >> 20, 100 * lastCpu, lastSegments);
        }, 5, 5, TimeUnit.SECONDS);
        if (firstMeasured > 0) {
            pace(world, 0, firstMeasured, warmupRate, warmupRampTo);
            awaitOffers(args.getLong("grace", 15));
            log("warm-up over: %,d incidents at %s/s, %,d offered; measuring %d/s from here", firstMeasured,
                    warmupRates(), offered.size(), rate);
        }
        var atStart = new UsageAtStart(ProcessUsage.of(serverProcess), cpuSeconds(ProcessHandle.current()));
        warm = true;
        long measuredStart = System.nanoTime();
        int total = rate * durationSeconds;
        pace(world, firstMeasured, firstMeasured + total, rate, rate);
        report.cancel(false);
        double secs = secondsSince(measuredStart);
        log("sent %,d incidents in %.1f s (%.1f/s)", total, secs, total / secs);
        return atStart;
    }

    record UsageAtStart(ProcessUsage server, double driverCpuSeconds) {}

    String warmupRates() {
        return warmupRampTo == warmupRate ? String.valueOf(warmupRate) : warmupRate + "→" + warmupRampTo;
    }

    /**
     * Opens incidents numbered {@code from} to {@code to} (exclusive), the rate rising evenly from {@code firstRate}
     * to {@code lastRate} per second (the same for a steady rate).
     */
    void pace(World world, int from, int to, int firstRate, int lastRate) throws InterruptedException {
        long start = System.nanoTime();
        for (int n = from; n < to; n++) {
            long wait = start + nanosUntilDue(n - from, to - from, firstRate, lastRate) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            openIncident(world, n);
        }
    }

    /**
     * Nanoseconds after the start at which the {@code k}th of {@code count} incidents is due when the rate rises
     * evenly from {@code r0} to {@code r1}: {@code k = r0 t + (r1 - r0) t² / 2T}, solved for t.
     */
    static long nanosUntilDue(int k, int count, int r0, int r1) {
        if (r0 == r1) {
            return k * 1_000_000_000L / r0;
        }
        double total = 2.0 * count / (r0 + r1);
        double slope = (r1 - r0) / total;
        double t = (-r0 + Math.sqrt((double) r0 * r0 + 2 * slope * k)) / slope;
        return (long) (t * 1e9);
    }

    /**
     * Waits until every incident sent so far has had its offer, was refused or escalated, for at most {@code seconds}.
     * Escalations are asked for every {@link #ESCALATIONS_ASKED_EVERY} while some are missing: no engineer hears of them.
     */
    void awaitOffers(long seconds) throws InterruptedException {
        long now = System.nanoTime(), end = now + TimeUnit.SECONDS.toNanos(seconds);
        long askEscalations = now + ESCALATIONS_ASKED_EVERY.toNanos();
        while (now < end && unsettled() > 0) {
            Thread.sleep(200);
            now = System.nanoTime();
            if (now >= askEscalations) {
                noteEscalations();
                askEscalations = now + ESCALATIONS_ASKED_EVERY.toNanos();
            }
        }
    }

    /** Incidents sent that have had no offer and were neither refused nor escalated (yet). */
    long unsettled() {
        long waiting = sentAt.size() - offered.size() - refused.size();
        return waiting <= 0 || escalated.isEmpty() ? waiting
                : sentAt.keySet().stream().filter(n -> !offered.containsKey(n) && !refused.containsKey(n)
                        && !escalated.contains(n)).count();
    }

    void openIncident(World world, int n) {
        World.Incident x = world.query(n);
        String body = """
                {"systemId":"%s","severity":"SEV3","title":%s,"description":%s}""".formatted(x.system().id(),
                GenerateData.q("[L" + n + "] " + x.title()), GenerateData.q(x.description()));
        sentAt.put(n, System.nanoTime());
        opened.incrementAndGet();
        send(n, body, 0);
    }

    /**
     * Sends an opening. A 503 (admission control: the server said so at once and stored nothing) is sent again after its
     * Retry-After, up to {@link #resendRefused} times, while the run measures; the time to the offer still counts from
     * the first send, as the user who reported it waits that long.
     */
    void send(int n, String body, int resends) {
        post(adminCookie, "/api/incidents", body).whenComplete((r, e) -> {
            if (e != null) {
                error("POST /api/incidents: " + e.getClass().getSimpleName());
            } else if (r.status() == 503 && resends < resendRefused && measuring) {
                resent.incrementAndGet();
                awaitingResend.add(n);
                Duration wait = Objects.requireNonNullElse(r.retryAfter(), Duration.ofSeconds(1));
                timers.schedule(() -> {
                    awaitingResend.remove(n);
                    send(n, body, resends + 1);
                }, wait.toMillis(), TimeUnit.MILLISECONDS);
            } else if (r.status() == 503) {
                refused.put(n, true);
            } else if (expect(r, 201, "POST /api/incidents")) {
                answeredAt.put(n, System.nanoTime());
                incidentIds.put(n, JSON.readTree(r.body()).path("id").asString());
            }
        });
    }

    /** An engineer's reaction to a message on /user/queue/offers. */
    void onFrame(String cookie, Stomp.Frame frame) {
        long now = System.nanoTime();
        if (frame.command().equals("ERROR")) {
            if (!closing) {
                error("STOMP ERROR: " + frame.headers().get("message"));
            }
            return;
        }
        if (!frame.command().equals("MESSAGE") || !measuring) {
            return;
        }
        JsonNode message = JSON.readTree(frame.body());
        String type = message.path("type").asString();
        if (type.equals("OFFER_WITHDRAWN")) {
            withdrawn.incrementAndGet();
            return;
        }
        if (!type.equals("OFFER")) {
            return;
        }
        offers.incrementAndGet();
        boolean measured = false;
        String title = message.path("title").asString();
        if (title.startsWith("[L")) {
            int n = Integer.parseInt(title.substring(2, title.indexOf(']')));
            Long sent = sentAt.get(n);
            if (sent != null && offered.putIfAbsent(n, true) == null) {
                offeredAt.put(n, now);
                long micros = (now - sent) / 1_000;
                toOffer.recordValue(micros);
                var all = n >= firstMeasured ? toOfferAll : toOfferWarmup;
                synchronized (all) {
                    all.recordValue(micros);
                }
            }
            measured = n >= firstMeasured;
        }
        String offerId = message.path("offerId").asString();
        String incidentId = message.path("incidentId").asString();
        boolean measuredAccept = measured;
        timers.schedule(() -> accept(cookie, offerId, incidentId, measuredAccept),
                ThreadLocalRandom.current().nextLong(50, 501), TimeUnit.MILLISECONDS);
    }

    void accept(String cookie, String offerId, String incidentId, boolean measured) {
        long start = System.nanoTime();
        post(cookie, "/api/offers/" + offerId + "/accept", "{}").whenComplete((r, e) -> {
            if (e != null) {
                error("accept: " + e.getClass().getSimpleName());
                return;
            }
            if (measured) {
                synchronized (acceptRoundTrip) {
                    acceptRoundTrip.recordValue((System.nanoTime() - start) / 1_000);
                }
            }
            if (r.status() == 409) {
                acceptConflicts.incrementAndGet(); // expired, withdrawn or taken: routing's answer, not an error
            } else if (expect(r, 200, "accept")) {
                accepted.incrementAndGet();
                long holdMillis = ThreadLocalRandom.current().nextLong(args.getLong("hold-min", 2000),
                        args.getLong("hold-max", 8000) + 1);
                timers.schedule(() -> post(cookie, "/api/incidents/" + incidentId + "/resolve",
                        "{\"resolution\":\"replaced the faulty part; load test\"}").whenComplete((rr, ee) -> {
                            if (ee != null) {
                                error("resolve: " + ee.getClass().getSimpleName());
                            } else if (expect(rr, 200, "resolve")) {
                                resolved.incrementAndGet();
                            }
                        }), holdMillis, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Incidents never offered: escalated ones are routing's answer (nobody qualified was free); the rest are lost. */
    Map<String, Integer> unofferedIncidents() {
        noteEscalations();
        var outcome = new java.util.TreeMap<String, Integer>();
        sentAt.keySet().stream().filter(n -> !offered.containsKey(n)).forEach(n -> outcome.merge(
                refused.containsKey(n) || awaitingResend.contains(n) ? "REFUSED"
                        : !incidentIds.containsKey(n) ? "NOT_CREATED"
                        : escalated.contains(n) ? "ESCALATED" : "NOT_OFFERED", 1, Integer::sum));
        return outcome;
    }

    /** Asks the server which incidents it escalated, and notes the driver's among them. */
    void noteEscalations() {
        var ids = new java.util.HashSet<String>();
        try {
            for (int offset = 0;; offset += 100) {
                var items = get(adminCookie, "/api/incidents?status=ESCALATED&limit=100&offset=" + offset).path("items");
                items.forEach(item -> ids.add(item.path("id").asString()));
                if (items.size() < 100) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            error("listing escalated incidents: " + e.getMessage());
        }
        incidentIds.forEach((n, id) -> {
            if (ids.contains(id)) {
                escalated.add(n);
            }
        });
    }

    void sampleServer() {
        try {
            double heap = get(adminCookie, "/actuator/metrics/jvm.memory.used?tag=area:heap").path("measurements").get(0)
                    .path("value").asDouble();
            double cpu = get(adminCookie, "/actuator/metrics/process.cpu.usage").path("measurements").get(0)
                    .path("value").asDouble();
            maxHeap.accumulateAndGet((long) heap, Math::max);
            lastCpu = cpu;
            lastSegments = get(adminCookie, "/actuator/metrics/switchboard.search.index.segments").path("measurements")
                    .get(0).path("value").asDouble();
            if (warm) {
                maxSegments.accumulate(lastSegments);
            }
            if (warm) {
                maxCpu.accumulate(cpu);
                cpuSamples.add(cpu);
            }
        } catch (RuntimeException e) {
            error("metrics: " + e.getClass().getSimpleName());
        }
    }

    int report(Map<String, Integer> unoffered) throws IOException {
        // Escalated is routing's answer and refused the admission control's, both given to the one who asked.
        int lost = unoffered.entrySet().stream().filter(e -> !e.getKey().equals("ESCALATED") && !e.getKey().equals("REFUSED"))
                .mapToInt(Map.Entry::getValue).sum();
        double meanCpu = cpuSamples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        var out = new StringBuilder();
        long measured = opened.get() - firstMeasured;
        out.append(String.format("RESULT engineers=%d rate=%d/s duration=%ds warmup=%ds at %s/s incidents=%d (measured %d)"
                + " offered=%d offers=%d accepted=%d acceptConflicts=%d withdrawn=%d resolved=%d%n", engineers, rate,
                durationSeconds, warmupSeconds, warmupRates(), opened.get(), measured, offered.size(), offers.get(),
                accepted.get(), acceptConflicts.get(), withdrawn.get(), resolved.get()));
        out.append(String.format("  incident -> OFFER ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  (n=%d)%n",
                ms(toOfferAll.getValueAtPercentile(50)), ms(toOfferAll.getValueAtPercentile(90)),
                ms(toOfferAll.getValueAtPercentile(99)), ms(toOfferAll.getValueAtPercentile(99.9)),
                ms(toOfferAll.getMaxValue()), toOfferAll.getTotalCount()));
        if (toOfferWarmup.getTotalCount() > 0) {
            out.append(String.format("  (warm-up, not counted above: incident -> OFFER ms p50 %.1f  p99 %.1f  max %.1f  (n=%d))%n",
                    ms(toOfferWarmup.getValueAtPercentile(50)), ms(toOfferWarmup.getValueAtPercentile(99)),
                    ms(toOfferWarmup.getMaxValue()), toOfferWarmup.getTotalCount()));
        }
        out.append(slowest((int) args.getLong("slowest", 10)));
        out.append(String.format("  accept round trip ms: p50 %.1f  p99 %.1f  max %.1f  (n=%d)%n",
                ms(acceptRoundTrip.getValueAtPercentile(50)), ms(acceptRoundTrip.getValueAtPercentile(99)),
                ms(acceptRoundTrip.getMaxValue()), acceptRoundTrip.getTotalCount()));
        out.append(String.format("  never offered (status at the end): %s -> lost (neither offered, escalated nor refused)=%d%n",
                unoffered, lost));
        if (resendRefused > 0) {
            out.append(String.format("  refused openings sent again after their Retry-After: %d times (each at most %d)%n",
                    resent.get(), resendRefused));
        }
        out.append(String.format("  errors: %s%n", errors));
        out.append(String.format("  server: max heap used %,d MB (warm-up included); after the warm-up process cpu mean %.0f%%"
                + " max %.0f%% (of all cores); load %s; index segments at most %.0f%n", maxHeap.get() >> 20, 100 * meanCpu,
                100 * maxCpu.get(), ImportDriver.load(), maxSegments.get()));
        // Both on one machine: the driver's share shows how much of the cores the server could not have. The driver does
        // the same work in every run, so its CPU follows the machine's speed, and the server's over it compares runs
        // made in different hours (twenty-fifth look: a 9% saving that the driver showed as well was the machine's).
        out.append(String.format("  cpu from the first measured incident to the end of the grace period: server %.1f s (%.1f ms"
                + " per incident), driver %.1f s (%.1f ms per incident); server over driver %.1f%n", serverCpuSeconds,
                1000 * serverCpuSeconds / Math.max(1, measured), driverCpuSeconds,
                1000 * driverCpuSeconds / Math.max(1, measured), serverCpuSeconds / driverCpuSeconds));
        // Each commit costs H2 about in proportion to the pages it writes out; unlike the CPU this hardly varies from
        // run to run. Socket writes count too (a few KB per incident: responses and frames).
        out.append(String.format("  server passed %.1f MB to write calls in that time, files and sockets (%.0f KB per incident)%n",
                serverBytesWritten / 1e6,
                serverBytesWritten / 1e3 / Math.max(1, measured)));
        if (!serverCpuByThreadKind.isEmpty()) {
            out.append("  server cpu by thread in that time (s):");
            serverCpuByThreadKind.entrySet().stream().filter(kind -> kind.getValue() >= 0.1).forEach(kind ->
                    out.append(String.format(" %s %.1f;", kind.getKey(), kind.getValue())));
            out.append(String.format("%n"));
        }
        System.out.print(out);
        Path file = Path.of(args.get("out", "bench/results/load-" + engineers + "-" + rate + ".txt"));
        Files.createDirectories(file.getParent());
        var text = new StringBuilder("# bench/bench.sh load " + String.join(" ", args.raw()) + "\n");
        progress.forEach(line -> text.append(line).append('\n'));
        text.append(out);
        Files.writeString(file, text);
        System.out.println("written to " + file);
        return lost == 0 && errors.isEmpty() ? 0 : 1;
    }

    /**
     * The measured incidents whose offers took longest, with the wall-clock time each was sent and when its 201 came:
     * an answer as late as the offer means the server was slow to open it; an early answer, that delivery was.
     */
    String slowest(int count) {
        var time = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(java.time.ZoneId.systemDefault());
        var out = new StringBuilder();
        offeredAt.entrySet().stream().filter(e -> e.getKey() >= firstMeasured)
                .sorted(java.util.Comparator.comparingLong(e -> sentAt.get(e.getKey()) - e.getValue()))
                .limit(count).forEach(e -> {
                    long sent = sentAt.get(e.getKey());
                    Long answered = answeredAt.get(e.getKey());
                    out.append(String.format("    slow #%d sent %s: 201 after %s ms, OFFER after %.1f ms%n", e.getKey(),
                            time.format(java.time.Instant.ofEpochMilli(epochMillisAtNanoZero + sent / 1_000_000)),
                            answered == null ? "?" : String.format("%.1f", (answered - sent) / 1e6), (e.getValue() - sent) / 1e6));
                });
        return out.toString();
    }

    // ------------------------------------------------------------------ setup

    void importWorld(World world) throws IOException {
        Path file = Files.createTempFile("switchboard-load-", ".ndjson");
        try {
            GenerateData.write(world, file);
            var response = send(HttpRequest.newBuilder(URI.create(base + "/api/import")).header("Cookie", cookieHeader(adminCookie))
                    .header("X-XSRF-TOKEN", CSRF).header("Content-Type", "application/x-ndjson")
                    .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofFile(file)).build());
            var report = JSON.readTree(response.body());
            if (response.statusCode() != 200 || report.path("rejectedTotal").asInt() != 0) {
                throw new IllegalStateException("import failed: " + response.statusCode() + " " + response.body());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static String username(int i, World world) {
        return world.engineers.get(i).id().toLowerCase(java.util.Locale.ROOT);
    }

    String signIn(String username, String password) {
        return signInAsync(username, password).join();
    }

    /** Form login; returns the session cookie ("JSESSIONID=..."). */
    CompletableFuture<String> signInAsync(String username, String password) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", "XSRF-TOKEN=" + CSRF)
                .header("X-XSRF-TOKEN", CSRF).header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            if (r.statusCode() != 200) {
                throw new IllegalStateException("sign-in of " + username + ": HTTP " + r.statusCode() + " " + r.body());
            }
            return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no session cookie for " + username));
        });
    }

    static String cookieHeader(String session) {
        return session + "; XSRF-TOKEN=" + CSRF;
    }

    CompletableFuture<KeepAliveHttp.Reply> post(String session, String path, String json) {
        return calls.postJson(path, cookieHeader(session), CSRF, json);
    }

    JsonNode get(String session, String path) {
        var response = send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookieHeader(session))
                .timeout(Duration.ofSeconds(30)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean expect(KeepAliveHttp.Reply reply, int status, String what) {
        if (reply.status() == status) {
            return true;
        }
        error(what + ": HTTP " + reply.status());
        return false;
    }

    void error(String what) {
        errors.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Runs {@code task(i)} for i in [0, n) with at most {@code parallel} in flight, and fails on the first failure. */
    static void inParallel(int n, int parallel, java.util.function.IntFunction<CompletableFuture<?>> task)
            throws InterruptedException {
        var permits = new Semaphore(parallel);
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        for (int i = 0; i < n && failure.get() == null; i++) {
            permits.acquire();
            task.apply(i).whenComplete((r, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
                permits.release();
            });
        }
        permits.acquire(parallel);
        if (failure.get() != null) {
            throw new IllegalStateException("setup failed", failure.get());
        }
    }

    void log(String format, Object... values) {
        String line = String.format(format, values);
        progress.add(line);
        System.out.println(line);
    }

    /** CPU time of a process so far (all its threads), NaN when unknown. */
    static double cpuSeconds(ProcessHandle process) {
        return process == null ? Double.NaN
                : process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    static double ms(long micros) {
        return micros / 1000.0;
    }

    /** The server under test in its own JVM (so its heap and CPU are its own), on loopback, empty temp data dir. */
    record ServerProcess(Process process, String base, Path dataDir) implements AutoCloseable {
        static final String ADMIN_PASSWORD = "load-admin";

        /**
         * The README's production settings for a server on the given Java release. A fixed heap, as a server should
         * run: left to grow, G1 kept it near 1.1 GB, where the ~550 MB that stayed live (~370 MB since each
         * connection's inbound buffer is 2,048 characters) sat at the occupancy that starts a concurrent marking: it
         * marked all the time (8% of the CPU). With a fixed heap G1's adaptive threshold still sat just under the old
         * generation of 5,000 connections (~550 MB then, flat): a concurrent marking every ~8 s that reclaimed nothing
         * and took one of two cores for 0.3-0.5 s, the 100/s run's p99; a fixed threshold of 40% (819 MB of 2 GB)
         * marks only when the old generation really grows. From Java 25 objects have 8-byte headers instead of 12
         * (compact object headers): smaller objects, and about 7% less server CPU for the same driver CPU in three
         * alternating pairs of 100/s runs, within the machine's noise (bench README, "Nineteenth look"). Lucene decodes
         * postings with the JDK's vector API when the incubator module is there: a recommend over 70,000 resolved
         * incidents took about a tenth less time in four alternating JMH pairs ("Twenty-fifth look").
         */
        static List<String> jvmOptions(String heap, int javaRelease) {
            var options = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:-G1UseAdaptiveIHOP",
                    "-XX:InitiatingHeapOccupancyPercent=40", "--add-modules=jdk.incubator.vector"));
            if (javaRelease >= 25) {
                options.add("-XX:+UseCompactObjectHeaders");
            }
            return options;
        }

        static ServerProcess start(Args args) throws Exception {
            int port;
            try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path dataDir = Files.createTempDirectory("switchboard-load-");
            var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
            // the server runs on the driver's java; --server-jvm-args come after, so they can override these
            command.addAll(jvmOptions(args.get("server-heap", "2g"), Runtime.version().feature()));
            // more JVM options for the server, e.g. --server-jvm-args="-XX:+UseZGC"
            command.addAll(words(args.get("server-jvm-args", "")));
            if (args.get("jfr", "false").equals("true")) {
                // deep enough for a request's whole stack (Spring, Hibernate and virtual threads go past the default 64)
                command.add("-XX:FlightRecorderOptions:stackdepth=256");
                command.add("-XX:StartFlightRecording=filename=bench/target/jfr/load-server.jfr,settings=profile");
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.switchboard.SwitchboardApplication",
                    "--server.address=127.0.0.1", "--server.port=" + port, "--switchboard.data-dir=" + dataDir,
                    "--switchboard.admin-password=" + ADMIN_PASSWORD, "--switchboard.security.password-hash-strength=4",
                    "--logging.level.root=WARN"));
            // further server settings for an experiment, e.g. --server-args="--switchboard.routing.sweep-interval=2s"
            command.addAll(words(args.get("server-args", "")));
            Files.createDirectories(Path.of("bench/target/jfr"));
            var process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Path.of("bench/target/load-server.log").toFile()).start();
            String base = "http://127.0.0.1:" + port;
            var http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (true) {
                try {
                    var r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("server did not start; see bench/target/load-server.log");
                }
                Thread.sleep(250);
            }
            System.out.printf("server up at %s (pid %d, data dir %s)%n", base, process.pid(), dataDir);
            return new ServerProcess(process, base, dataDir);
        }

        private static List<String> words(String line) {
            return List.of(line.trim().split("\\s+")).stream().filter(word -> !word.isEmpty()).toList();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            try (var walk = Files.walk(dataDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}

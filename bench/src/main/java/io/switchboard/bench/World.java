package io.switchboard.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A generated, deterministic (by seed) world: customers, their customized systems, engineers and a lazily generated
 * stream of resolved incidents. Customers, systems and engineers are held in memory (100k engineers is ~100 MB);
 * incident {@code i} is generated from {@code seed} and {@code i} alone, so a million of them need no memory and any
 * consumer (NDJSON writer, benchmark SearchSource) sees the same ones.
 *
 * <p>Skew: systems get incidents Zipf(s=0.9) by a seeded permutation (a few noisy systems), and per system the resolver
 * is chosen Zipf(s=1.2) over the engineers who declared that system, highest level first, so a handful of engineers
 * resolve most incidents of each system; 8% of incidents go to an engineer who never declared the system.
 */
public final class World {

    /** Fixed "now" of the generated data; benchmarks use a clock fixed here. */
    public static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    public static final String VERSION = "world-v1";

    public record Params(long seed, int customers, int engineers, long incidents) {
        public String fingerprint() {
            return VERSION + "-s" + seed + "-c" + customers + "-e" + engineers + "-i" + incidents;
        }
    }

    public record Customer(String id, String name) {}

    public record Sys(int index, String id, String customerId, String name, Vocabulary.Product product, String version,
            Vocabulary.City site, String siteLabel, double lat, double lon, List<String> tags) {}

    public record Level(Sys system, int level) {}

    public record Cert(String name, Instant expires) {}

    public record Engineer(int index, String id, String name, String email, List<String> skills, List<Level> systems,
            List<Cert> certifications, double lat, double lon, String timeZone, List<String> languages, String status,
            int maxActive) {}

    public record Incident(String id, Sys system, String title, String description, String resolution,
            Engineer resolvedBy, Instant openedAt, Instant resolvedAt) {}

    public final Params params;
    public final List<Customer> customers = new ArrayList<>();
    public final List<Sys> systems = new ArrayList<>();
    public final List<Engineer> engineers = new ArrayList<>();
    /** Per system: engineers who declared it, best first. */
    private final int[][] experts;
    private final int[] systemByRank;
    private final Zipf systemZipf;
    private final Map<Integer, Zipf> resolverZipf = new HashMap<>();

    public World(Params p) {
        this.params = p;
        SplittableRandom r = new SplittableRandom(p.seed());
        for (int c = 0; c < p.customers(); c++) {
            String id = String.format("C%04d", c + 1);
            customers.add(new Customer(id, Vocabulary.companyName(r, c)));
            int nSystems = 4 + r.nextInt(13); // 4..16, ~10 a customer
            int nSites = 1 + r.nextInt(3);
            Vocabulary.City[] sites = new Vocabulary.City[nSites];
            for (int s = 0; s < nSites; s++) {
                sites[s] = Vocabulary.CITIES[r.nextInt(Vocabulary.CITIES.length)];
            }
            for (int s = 0; s < nSystems; s++) {
                Vocabulary.Product prod = Vocabulary.PRODUCTS[r.nextInt(Vocabulary.PRODUCTS.length)];
                Vocabulary.City site = sites[r.nextInt(nSites)];
                String siteLabel = site.name() + " " + Vocabulary.pick(r, Vocabulary.SITE_KINDS);
                String sid = id + "-" + prod.shortCode() + "-" + (s + 1);
                List<String> tags = new ArrayList<>(prod.skills().subList(0, Math.min(3, prod.skills().size())));
                systems.add(new Sys(systems.size(), sid, id, siteLabel + " " + prod.label(), prod,
                        prod.versions()[r.nextInt(prod.versions().length)], site, siteLabel,
                        site.lat() + (r.nextDouble() - 0.5) * 0.2, site.lon() + (r.nextDouble() - 0.5) * 0.2, tags));
            }
        }
        int nSys = systems.size();
        // Engineers: 2..7 known systems, preferring systems near home (same city) half of the time.
        Map<Vocabulary.City, List<Sys>> byCity = new HashMap<>();
        for (Sys s : systems) {
            byCity.computeIfAbsent(s.site(), k -> new ArrayList<>()).add(s);
        }
        List<List<Integer>> declared = new ArrayList<>();
        for (int s = 0; s < nSys; s++) {
            declared.add(new ArrayList<>());
        }
        for (int e = 0; e < p.engineers(); e++) {
            Vocabulary.City home = Vocabulary.CITIES[r.nextInt(Vocabulary.CITIES.length)];
            String first = Vocabulary.pick(r, Vocabulary.FIRST_NAMES);
            String last = Vocabulary.pick(r, Vocabulary.LAST_NAMES);
            String id = String.format("E%06d", e + 1);
            int k = 2 + r.nextInt(6);
            List<Level> known = new ArrayList<>();
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int i = 0; i < k; i++) {
                List<Sys> near = byCity.get(home);
                Sys s = near != null && r.nextBoolean() ? near.get(r.nextInt(near.size())) : systems.get(r.nextInt(nSys));
                if (seen.add(s.index())) {
                    int level = levelOf(r);
                    known.add(new Level(s, level));
                    declared.get(s.index()).add(e);
                }
            }
            java.util.LinkedHashSet<String> skills = new java.util.LinkedHashSet<>();
            for (Level l : known) {
                List<String> ps = l.system().product().skills();
                skills.add(ps.get(r.nextInt(ps.size())));
                if (l.level() >= 3) {
                    skills.add(ps.get(r.nextInt(ps.size())));
                }
            }
            for (int i = r.nextInt(3); i > 0; i--) {
                skills.add(Vocabulary.pick(r, Vocabulary.GENERAL_SKILLS));
            }
            List<Cert> certs = new ArrayList<>();
            for (int i = r.nextInt(4); i > 0; i--) {
                String name = Vocabulary.pick(r, Vocabulary.CERTIFICATIONS);
                if (certs.stream().anyMatch(c -> c.name().equals(name))) {
                    continue;
                }
                // about a quarter expired, some without expiry
                Instant expires = r.nextInt(10) == 0 ? null
                        : NOW.plusSeconds(86_400L * (r.nextInt(1460) - 365));
                certs.add(new Cert(name, expires));
            }
            List<String> langs = new ArrayList<>(List.of(home.language()));
            if (!home.language().equals("en") && r.nextInt(3) > 0) {
                langs.add("en");
            }
            int st = r.nextInt(10);
            String status = st < 5 ? "AVAILABLE" : st < 8 ? "BUSY" : "OFF_DUTY";
            engineers.add(new Engineer(e, id, first + " " + last,
                    (first + "." + last + "." + (e + 1)).toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
                            + "@switchboard.example",
                    List.copyOf(skills), known, certs, home.lat() + (r.nextDouble() - 0.5) * 0.3,
                    home.lon() + (r.nextDouble() - 0.5) * 0.3, home.timeZone(), langs, status, 2 + r.nextInt(4)));
        }
        experts = new int[nSys][];
        for (int s = 0; s < nSys; s++) {
            final int sys = s;
            List<Integer> list = declared.get(s);
            // best first: by declared level, ties in a seeded order
            long salt = p.seed() * 1_000_003L + s;
            list.sort((a, b) -> {
                int la = levelAt(a, sys), lb = levelAt(b, sys);
                if (la != lb) {
                    return Integer.compare(lb, la);
                }
                return Long.compare(mix(salt + a), mix(salt + b));
            });
            experts[s] = list.stream().mapToInt(Integer::intValue).toArray();
        }
        systemByRank = new int[nSys];
        for (int i = 0; i < nSys; i++) {
            systemByRank[i] = i;
        }
        for (int i = nSys - 1; i > 0; i--) { // seeded Fisher-Yates
            int j = r.nextInt(i + 1);
            int t = systemByRank[i];
            systemByRank[i] = systemByRank[j];
            systemByRank[j] = t;
        }
        systemZipf = new Zipf(nSys, 0.9);
    }

    private int levelAt(int engineer, int system) {
        for (Level l : engineers.get(engineer).systems()) {
            if (l.system().index() == system) {
                return l.level();
            }
        }
        return 0;
    }

    private static int levelOf(SplittableRandom r) {
        int x = r.nextInt(100);
        return x < 25 ? 1 : x < 55 ? 2 : x < 80 ? 3 : x < 93 ? 4 : 5;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** Incident number {@code i} (0-based), the same for a given seed whoever asks. */
    public Incident incident(long i) {
        SplittableRandom r = new SplittableRandom(mix(params.seed() * 0x9E3779B97F4A7C15L + i));
        Sys sys = systems.get(systemByRank[systemZipf.sample(r)]);
        int[] ex = experts[sys.index()];
        Engineer resolver;
        if (ex.length == 0 || r.nextInt(100) < 8) {
            resolver = engineers.get(r.nextInt(engineers.size()));
        } else {
            Zipf z = resolverZipf.computeIfAbsent(ex.length, n -> new Zipf(n, 1.2));
            resolver = engineers.get(ex[z.sample(r)]);
        }
        Vocabulary.Text t = Vocabulary.incidentText(r, sys.product());
        Instant opened = NOW.minusSeconds(60L * r.nextInt(3 * 365 * 24 * 60));
        Instant resolved = opened.plusSeconds(60L * (20 + r.nextInt(48 * 60)));
        return new Incident(String.format("H%08d", i + 1), sys, t.title(), t.description(), t.resolution(), resolver,
                opened, resolved);
    }

    /** A new (open) incident for queries: same text model, drawn from a different stream than the history. */
    public Incident query(long i) {
        return incident(params.incidents() + 1_000_000_000L + i);
    }

    /** Zipf(n, s) over ranks 0..n-1 by a cumulative table and binary search. */
    static final class Zipf {
        private final double[] cdf;

        Zipf(int n, double s) {
            cdf = new double[n];
            double sum = 0;
            for (int k = 1; k <= n; k++) {
                sum += 1 / Math.pow(k, s);
                cdf[k - 1] = sum;
            }
            for (int k = 0; k < n; k++) {
                cdf[k] /= sum;
            }
        }

        int sample(SplittableRandom r) {
            int idx = Arrays.binarySearch(cdf, r.nextDouble());
            return Math.min(cdf.length - 1, idx >= 0 ? idx : -idx - 1);
        }
    }
}

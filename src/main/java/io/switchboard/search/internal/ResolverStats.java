package io.switchboard.search.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who resolved how much, overall and per system, with exponential recency decay: a tiny in-memory summary of the
 * resolved incidents in the index (rebuilt from doc values on open, updated on every add). O(1) per query lookup.
 */
final class ResolverStats {

    /** A decayed count: {@code value} is as of {@code refMillis}; also a raw count and the latest event. */
    static final class Decayed {
        private double value;
        private long refMillis = Long.MIN_VALUE;
        private long count;
        private long lastMillis = Long.MIN_VALUE;

        synchronized void add(long atMillis, double lambdaPerMs) {
            count++;
            lastMillis = Math.max(lastMillis, atMillis);
            if (refMillis == Long.MIN_VALUE) {
                value = 1;
                refMillis = atMillis;
            } else if (atMillis >= refMillis) {
                value = value * Math.exp(-lambdaPerMs * (atMillis - refMillis)) + 1;
                refMillis = atMillis;
            } else {
                value += Math.exp(-lambdaPerMs * (refMillis - atMillis));
            }
        }

        synchronized double at(long nowMillis, double lambdaPerMs) {
            if (refMillis == Long.MIN_VALUE) {
                return 0;
            }
            return value * Math.exp(-lambdaPerMs * Math.max(0, nowMillis - refMillis));
        }

        synchronized long count() {
            return count;
        }

        synchronized long lastMillis() {
            return lastMillis;
        }
    }

    private final double lambdaPerMs;
    private final Map<String, Decayed> global = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Decayed>> bySystem = new ConcurrentHashMap<>();
    private final Map<String, Decayed> systemTotals = new ConcurrentHashMap<>();
    private final Decayed total = new Decayed();
    private final Map<String, String> systemNames = new ConcurrentHashMap<>();

    ResolverStats(java.time.Duration halfLife) {
        long ms = halfLife == null || halfLife.isZero() || halfLife.isNegative() ? Long.MAX_VALUE : halfLife.toMillis();
        this.lambdaPerMs = ms == Long.MAX_VALUE ? 0 : Math.log(2) / ms;
    }

    void clear() {
        global.clear();
        bySystem.clear();
        systemTotals.clear();
        systemNames.clear();
        synchronized (total) {
            total.value = 0;
            total.count = 0;
            total.refMillis = Long.MIN_VALUE;
            total.lastMillis = Long.MIN_VALUE;
        }
    }

    /** @param systemKey normalised system id or null */
    void add(String resolver, String systemKey, String systemName, long atMillis) {
        total.add(atMillis, lambdaPerMs);
        global.computeIfAbsent(resolver, r -> new Decayed()).add(atMillis, lambdaPerMs);
        if (systemKey != null && !systemKey.isEmpty()) {
            bySystem.computeIfAbsent(systemKey, s -> new ConcurrentHashMap<>())
                    .computeIfAbsent(resolver, r -> new Decayed()).add(atMillis, lambdaPerMs);
            systemTotals.computeIfAbsent(systemKey, s -> new Decayed()).add(atMillis, lambdaPerMs);
            if (systemName != null && !systemName.isBlank() && !systemName.equalsIgnoreCase(systemKey)) {
                systemNames.put(systemKey, systemName);
            }
        }
    }

    double recency(long ageMillis) {
        return Math.exp(-lambdaPerMs * Math.max(0, ageMillis));
    }

    /**
     * The figures one ranking weighs its candidates by, as of {@code now}: the totals are decayed once for all of them,
     * not once per candidate.
     */
    At at(String systemKey, long now) {
        Map<String, Decayed> onSystem = systemKey == null ? null : bySystem.get(systemKey);
        Decayed systemTotal = systemKey == null ? null : systemTotals.get(systemKey);
        // a system's figures count only with its total to divide by
        return new At(now, total.at(now, lambdaPerMs), systemTotal == null ? null : onSystem,
                systemTotal == null ? 0 : systemTotal.at(now, lambdaPerMs));
    }

    final class At {
        private final long now;
        private final double total;
        private final Map<String, Decayed> onSystem;
        private final double systemTotal;

        private At(long now, double total, Map<String, Decayed> onSystem, double systemTotal) {
            this.now = now;
            this.total = total;
            this.onSystem = onSystem;
            this.systemTotal = systemTotal;
        }

        /** Share of all (decayed) resolutions that this resolver made. */
        double popularity(String resolver) {
            Decayed d = global.get(resolver);
            return d == null || total <= 0 ? 0 : d.at(now, lambdaPerMs) / total;
        }

        /** Dirichlet-smoothed P(resolver | system) towards {@code popularity}. */
        double systemPrior(String resolver, double popularity, double mu) {
            if (onSystem == null) {
                return popularity;
            }
            Decayed d = onSystem.get(resolver);
            double c = d == null ? 0 : d.at(now, lambdaPerMs);
            return (c + mu * popularity) / (systemTotal + mu);
        }
    }

    long resolvedCount(String resolver) {
        Decayed d = global.get(resolver);
        return d == null ? 0 : d.count();
    }

    Decayed onSystem(String resolver, String systemKey) {
        Map<String, Decayed> m = systemKey == null ? null : bySystem.get(systemKey);
        return m == null ? null : m.get(resolver);
    }

    /** The resolvers with the most (decayed) resolutions on a system, best first. */
    List<String> topOnSystem(String systemKey, int n, long now) {
        Map<String, Decayed> m = systemKey == null ? null : bySystem.get(systemKey);
        if (m == null) {
            return List.of();
        }
        List<Map.Entry<String, Double>> e = new ArrayList<>();
        m.forEach((r, d) -> e.add(Map.entry(r, d.at(now, lambdaPerMs))));
        e.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return e.stream().limit(n).map(Map.Entry::getKey).toList();
    }

    List<String> topOverall(int n, long now) {
        return global.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Decayed> x) -> x.getValue().at(now, lambdaPerMs))
                        .reversed())
                .limit(n).map(Map.Entry::getKey).toList();
    }

    String systemName(String systemKey) {
        return systemKey == null ? null : systemNames.get(systemKey);
    }

    void rememberSystemName(String systemKey, String name) {
        if (systemKey != null && !systemKey.isEmpty() && name != null && !name.isBlank()
                && !name.equalsIgnoreCase(systemKey)) {
            systemNames.putIfAbsent(systemKey, name);
        }
    }
}

package io.switchboard.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a generated world as NDJSON for POST /api/import: customers, systems, engineers, then resolved incidents.
 * Deterministic by seed: the same arguments give the same bytes.
 *
 * <pre>
 * bench/bench.sh gen --customers 200 --engineers 100000 --incidents 1000000 --seed 42 --out bench/target/data/full.ndjson
 * </pre>
 */
public final class GenerateData {

    public static void main(String[] args) throws IOException {
        Args a = new Args(args);
        World.Params p = a.params();
        Path out = Path.of(a.get("out", "bench/target/data/" + p.fingerprint() + ".ndjson"));
        long t0 = System.nanoTime();
        World w = new World(p);
        long lines = write(w, out);
        System.out.printf("wrote %,d lines (%,d customers, %,d systems, %,d engineers, %,d incidents), %,d MB to %s in %.1f s%n",
                lines, w.customers.size(), w.systems.size(), w.engineers.size(), p.incidents(),
                Files.size(out) >> 20, out, (System.nanoTime() - t0) / 1e9);
    }

    /** Writes the file (to a temp name, then moved) and returns the number of lines. */
    public static long write(World w, Path out) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        long lines = 0;
        try (BufferedWriter o = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 20)) {
            StringBuilder b = new StringBuilder(2048);
            for (World.Customer c : w.customers) {
                b.setLength(0);
                b.append("{\"type\":\"customer\",\"id\":").append(q(c.id())).append(",\"name\":").append(q(c.name()))
                        .append("}\n");
                o.append(b);
                lines++;
            }
            for (World.Sys s : w.systems) {
                b.setLength(0);
                b.append("{\"type\":\"system\",\"id\":").append(q(s.id())).append(",\"customerId\":")
                        .append(q(s.customerId())).append(",\"name\":").append(q(s.name())).append(",\"product\":")
                        .append(q(s.product().code())).append(",\"version\":").append(q(s.version()))
                        .append(",\"site\":{\"label\":").append(q(s.siteLabel())).append(",\"lat\":")
                        .append(round(s.lat())).append(",\"lon\":").append(round(s.lon())).append("},\"tags\":");
                list(b, s.tags());
                b.append("}\n");
                o.append(b);
                lines++;
            }
            for (World.Engineer e : w.engineers) {
                b.setLength(0);
                b.append("{\"type\":\"engineer\",\"id\":").append(q(e.id())).append(",\"name\":").append(q(e.name()))
                        .append(",\"email\":").append(q(e.email())).append(",\"skills\":");
                list(b, e.skills());
                b.append(",\"systems\":[");
                for (int i = 0; i < e.systems().size(); i++) {
                    World.Level l = e.systems().get(i);
                    b.append(i == 0 ? "" : ",").append("{\"systemId\":").append(q(l.system().id())).append(",\"level\":")
                            .append(l.level()).append('}');
                }
                b.append("],\"certifications\":[");
                for (int i = 0; i < e.certifications().size(); i++) {
                    World.Cert c = e.certifications().get(i);
                    b.append(i == 0 ? "" : ",").append("{\"name\":").append(q(c.name()));
                    if (c.expires() != null) {
                        b.append(",\"expires\":").append(q(c.expires().toString()));
                    }
                    b.append('}');
                }
                b.append("],\"base\":{\"lat\":").append(round(e.lat())).append(",\"lon\":").append(round(e.lon()))
                        .append("},\"timeZone\":").append(q(e.timeZone())).append(",\"languages\":");
                list(b, e.languages());
                b.append(",\"maxActive\":").append(e.maxActive()).append("}\n");
                o.append(b);
                lines++;
            }
            for (long i = 0; i < w.params.incidents(); i++) {
                World.Incident x = w.incident(i);
                b.setLength(0);
                b.append("{\"type\":\"incident\",\"id\":").append(q(x.id())).append(",\"systemId\":")
                        .append(q(x.system().id())).append(",\"title\":").append(q(x.title()))
                        .append(",\"description\":").append(q(x.description())).append(",\"resolution\":")
                        .append(q(x.resolution())).append(",\"resolvedBy\":").append(q(x.resolvedBy().id()))
                        .append(",\"openedAt\":").append(q(x.openedAt().toString())).append(",\"resolvedAt\":")
                        .append(q(x.resolvedAt().toString())).append("}\n");
                o.append(b);
                lines++;
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return lines;
    }

    private static String round(double d) {
        return String.format(java.util.Locale.ROOT, "%.5f", d);
    }

    private static void list(StringBuilder b, List<String> l) {
        b.append('[');
        for (int i = 0; i < l.size(); i++) {
            b.append(i == 0 ? "" : ",").append(q(l.get(i)));
        }
        b.append(']');
    }

    static String q(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private GenerateData() {}
}

package io.switchboard.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} arguments. */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final String[] raw;

    Args(String[] args) {
        this.raw = args.clone();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            String name = args[i].substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                values.put(name.substring(0, eq), name.substring(eq + 1));
            } else {
                values.put(name, i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true");
            }
        }
    }

    /** The arguments as given, for the record of a run. */
    String[] raw() {
        return raw.clone();
    }

    String get(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    long getLong(String name, long dflt) {
        return Long.parseLong(get(name, Long.toString(dflt)).replace("_", "").replace(",", ""));
    }

    World.Params params() {
        return new World.Params(getLong("seed", 42), (int) getLong("customers", 200), (int) getLong("engineers", 10_000),
                getLong("incidents", 100_000));
    }
}

package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a process has used so far: its CPU time, the bytes it passed to write calls and, on Linux, the CPU time of each
 * of its threads (from /proc). A JFR profile only sees Java frames; this also shows what the garbage collector, the JIT
 * compiler and the kernel work on behalf of each thread cost.
 *
 * @param cpuSeconds all threads, those that ended included; NaN when unknown
 * @param bytesWritten {@code wchar} of /proc/PID/io: files and sockets; NaN when unknown
 * @param cpuByThread CPU seconds per live thread id, and its name
 */
record ProcessUsage(double cpuSeconds, double bytesWritten, Map<Long, ThreadUsage> cpuByThread) {
    /** The kernel counts thread CPU time in clock ticks: USER_HZ, 100 on Linux x86 and ARM. */
    private static final double TICKS_PER_SECOND = 100;

    record ThreadUsage(String name, double cpuSeconds) {}

    static ProcessUsage of(ProcessHandle process) {
        if (process == null) {
            return new ProcessUsage(Double.NaN, Double.NaN, Map.of());
        }
        double cpu = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        return new ProcessUsage(cpu, bytesWritten(proc), threads(proc));
    }

    private static double bytesWritten(Path proc) {
        try {
            return Files.readAllLines(proc.resolve("io")).stream()
                    .filter(line -> line.startsWith("wchar:"))
                    .mapToDouble(line -> Double.parseDouble(line.substring("wchar:".length()).trim()))
                    .findFirst().orElse(Double.NaN);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static Map<Long, ThreadUsage> threads(Path proc) {
        var threads = new HashMap<Long, ThreadUsage>();
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            tasks.forEach(task -> {
                try {
                    // "tid (name) state ppid ...": the name may hold spaces and parentheses, the fields after it do not
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    double ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            new ThreadUsage(stat.substring(open + 1, close), ticks / TICKS_PER_SECOND));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked
                }
            });
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return threads;
    }

    /**
     * CPU seconds per kind of thread between {@code start} and this: threads named alike (digits aside) count
     * together, and what threads that ended in between used is one line of its own. Largest first.
     */
    Map<String, Double> cpuByThreadKindSince(ProcessUsage start) {
        var kinds = new HashMap<String, Double>();
        double counted = 0;
        for (var thread : cpuByThread.entrySet()) {
            var before = start.cpuByThread.get(thread.getKey());
            double used = thread.getValue().cpuSeconds() - (before == null ? 0 : before.cpuSeconds());
            kinds.merge(thread.getValue().name().replaceAll("\\d+", "N"), used, Double::sum);
            counted += used;
        }
        double ended = cpuSeconds - start.cpuSeconds - counted;
        if (ended > 0.05) {
            kinds.put("(threads that ended meanwhile)", ended);
        }
        var sorted = new LinkedHashMap<String, Double>();
        kinds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(kind -> sorted.put(kind.getKey(), kind.getValue()));
        return sorted;
    }
}

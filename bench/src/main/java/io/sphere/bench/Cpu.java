package io.sphere.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a window's CPU went, on Linux: the processes of the machine summed by who they are (each started application
 * by its name, PostgreSQL's processes, RabbitMQ's Erlang VM, this load generator, everything else). A ratio says
 * that a feature costs; this says which process pays for it, so that a failed ratio points at the place to fix.
 */
final class Cpu {

    static final String POSTGRES = "PostgreSQL";
    static final String RABBITMQ = "RabbitMQ";
    static final String BENCH = "load generator";
    static final String OTHER = "other";

    /** CPU seconds (user + system) per part of the machine at one moment; empty when /proc cannot be read. */
    record Snapshot(Map<String, Double> seconds) {

        /** What was used from {@code before} to this snapshot, per part. */
        Map<String, Double> since(Snapshot before) {
            Map<String, Double> used = new LinkedHashMap<>();
            seconds.forEach((k, v) -> used.put(k, Math.max(0, v - before.seconds.getOrDefault(k, v))));
            return used;
        }
    }

    private static final long TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux the bench runs on

    private Cpu() {
    }

    static Snapshot snapshot(List<Apps.App> apps) {
        Map<String, Double> s = new LinkedHashMap<>();
        Map<Long, String> named = new LinkedHashMap<>();
        for (Apps.App a : apps) {
            named.put(a.process().pid(), a.name());
            s.put(a.name(), 0.0);
        }
        s.put(POSTGRES, 0.0);
        s.put(RABBITMQ, 0.0);
        s.put(BENCH, 0.0);
        long self = ProcessHandle.current().pid();
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                long pid = Long.parseLong(dir.getFileName().toString());
                String stat;
                try {
                    stat = Files.readString(dir.resolve("stat"));
                } catch (IOException e) {
                    continue; // exited meanwhile
                }
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double used = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) TICKS_PER_SECOND;
                String part = named.get(pid);
                if (part == null && pid == self) {
                    part = BENCH;
                } else if (part == null && comm.startsWith("postgres")) {
                    part = POSTGRES;
                } else if (part == null && (comm.startsWith("beam") || comm.equals("erl_child_setup")
                        || comm.equals("epmd") || comm.startsWith("inet_gethost"))) {
                    part = RABBITMQ;
                }
                if (part != null) {
                    s.merge(part, used, Double::sum);
                }
            }
            // The rest of the machine: all CPU time /proc/stat counts as busy, less what the parts above used.
            double busy = machineBusySeconds();
            double known = s.values().stream().mapToDouble(Double::doubleValue).sum();
            s.put(OTHER, busy < 0 ? 0 : busy - known);
        } catch (IOException | RuntimeException e) {
            return new Snapshot(Map.of());
        }
        return new Snapshot(s);
    }

    /** Busy CPU seconds of the whole machine since boot (everything /proc/stat counts but idle and iowait). */
    private static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / (double) TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** "web 5.1, PostgreSQL 2.0, …" in milliseconds of CPU per operation, parts that used nothing left out. */
    static String perOp(Map<String, Double> used, long ops) {
        StringBuilder b = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> e : used.entrySet()) {
            double ms = e.getValue() * 1000 / Math.max(1, ops);
            total += ms;
            if (ms >= 0.05) {
                b.append(b.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                        .append(String.format(Locale.ROOT, "%.2f", ms));
            }
        }
        return String.format(Locale.ROOT, "%.2f ms (", total) + b + ")";
    }
}

package io.sphere.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * CPU seconds (user + system) of every process of the machine at one moment, with the part each belongs to, and
     * the machine's busy seconds; empty when /proc cannot be read.
     */
    record Snapshot(Map<Long, Double> seconds, Map<Long, String> parts, List<String> order, double busy) {

        /**
         * What each part used from {@code before} to this snapshot. Counted per process: a process that exits in
         * between (a PostgreSQL backend whose client closed its pool) must not take its whole life's CPU out of its
         * part's sum, which then showed nothing for PostgreSQL and 18 ms a lifecycle for "other". A PostgreSQL
         * process's figure includes its reaped children's, so a backend that lived and ended in between (the JDBC
         * baseline's connections of one slice) reaches PostgreSQL through the postmaster; one that was seen before
         * and ended in between has what was seen of it taken back, since its whole life arrived with the
         * postmaster's. Any other process that ended in between counts in "other" for what it used in between.
         */
        Map<String, Double> since(Snapshot before) {
            Map<String, Double> used = new LinkedHashMap<>();
            if (seconds.isEmpty() || before.seconds.isEmpty()) {
                return used;
            }
            order.forEach(part -> used.put(part, 0.0));
            double known = 0;
            for (Map.Entry<Long, Double> e : seconds.entrySet()) {
                String part = parts.get(e.getKey());
                if (part != null) {
                    double d = Math.max(0, e.getValue() - before.seconds.getOrDefault(e.getKey(), 0.0));
                    used.merge(part, d, Double::sum);
                    known += d;
                }
            }
            for (Map.Entry<Long, Double> e : before.seconds.entrySet()) {
                String part = before.parts.get(e.getKey());
                if (POSTGRES.equals(part) && !seconds.containsKey(e.getKey())) {
                    used.merge(part, -e.getValue(), Double::sum);
                    known -= e.getValue();
                }
            }
            used.replaceAll((k, v) -> Math.max(0, v));
            used.put(OTHER, busy < 0 || before.busy < 0 ? 0 : Math.max(0, busy - before.busy - known));
            return used;
        }
    }

    private static final long TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux the bench runs on

    private Cpu() {
    }

    static Snapshot snapshot(List<Apps.App> apps) {
        Map<Long, Double> seconds = new LinkedHashMap<>();
        Map<Long, String> parts = new LinkedHashMap<>();
        Map<Long, String> named = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (Apps.App a : apps) {
            named.put(a.process().pid(), a.name());
            order.add(a.name());
        }
        order.addAll(List.of(POSTGRES, RABBITMQ, BENCH));
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
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                String part = named.get(pid);
                if (part == null && pid == self) {
                    part = BENCH;
                } else if (part == null && comm.startsWith("postgres")) {
                    part = POSTGRES;
                } else if (part == null && (comm.startsWith("beam") || comm.equals("erl_child_setup")
                        || comm.equals("epmd") || comm.startsWith("inet_gethost"))) {
                    part = RABBITMQ;
                }
                if (POSTGRES.equals(part)) {
                    // cutime, cstime: the postmaster's backends that ended and were waited for (not the bench's:
                    // an application it stopped would arrive with its whole life)
                    ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                }
                if (part != null) {
                    seconds.put(pid, ticks / (double) TICKS_PER_SECOND);
                    parts.put(pid, part);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Snapshot(Map.of(), Map.of(), List.of(), -1);
        }
        // The rest of the machine: all CPU time /proc/stat counts as busy, less what the parts above used.
        return new Snapshot(seconds, parts, order, machineBusySeconds());
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

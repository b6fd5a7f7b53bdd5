package io.sphere.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load generator: N threads, each with its own connection (HTTP client or JDBC connection, held by its
 * {@link Op}), repeat one operation back to back. A warm-up runs first and is not counted; then only operations that
 * start and end inside the fixed measurement window count, and their latencies are kept.
 */
final class Load {

    /** One unit of work; a thrown exception counts as an error. Each thread gets its own instance. */
    interface Op extends AutoCloseable {
        void run() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface OpFactory {
        Op open(int thread) throws Exception;
    }

    record Result(long ops, long errors, double seconds, double[] latenciesMillis, String firstError, long allOps) {

        double rate() {
            return ops / seconds;
        }

        double p(double percentile) {
            return latenciesMillis.length == 0 ? Double.NaN : Stats.percentile(latenciesMillis, percentile);
        }

        /** Several runs of one side as one: operations, errors, seconds and latencies summed. */
        static Result of(List<Result> runs) {
            long ops = 0;
            long errors = 0;
            long all = 0;
            double seconds = 0;
            String firstError = null;
            double[] lat = new double[0];
            for (Result r : runs) {
                ops += r.ops;
                errors += r.errors;
                all += r.allOps;
                seconds += r.seconds;
                firstError = firstError != null ? firstError : r.firstError;
                int n = lat.length;
                lat = Arrays.copyOf(lat, n + r.latenciesMillis.length);
                System.arraycopy(r.latenciesMillis, 0, lat, n, r.latenciesMillis.length);
            }
            return new Result(ops, errors, seconds, lat, firstError, all);
        }
    }

    private Load() {
    }

    static Result run(int threads, Duration warmup, Duration window, OpFactory factory) throws Exception {
        List<Op> ops = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                ops.add(factory.open(i));
            }
            long start = System.nanoTime();
            long windowStart = start + warmup.toNanos();
            long windowEnd = windowStart + window.toNanos();
            double[][] latencies = new double[threads][];
            long[] counts = new long[threads];
            long[] errors = new long[threads];
            long[] all = new long[threads];
            AtomicReference<String> firstError = new AtomicReference<>();
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int t = i;
                Thread worker = new Thread(() -> {
                    double[] lat = new double[1024];
                    int n = 0;
                    long errs = 0;
                    long done = 0;
                    Op op = ops.get(t);
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= windowEnd) {
                            break;
                        }
                        boolean ok = true;
                        try {
                            op.run();
                        } catch (Exception e) {
                            ok = false;
                            firstError.compareAndSet(null, e.toString());
                        }
                        long t1 = System.nanoTime();
                        done++;
                        if (t0 >= windowStart && t1 <= windowEnd) {
                            if (ok) {
                                if (n == lat.length) {
                                    lat = Arrays.copyOf(lat, n * 2);
                                }
                                lat[n++] = (t1 - t0) / 1e6;
                            } else {
                                errs++;
                            }
                        }
                    }
                    latencies[t] = Arrays.copyOf(lat, n);
                    counts[t] = n;
                    errors[t] = errs;
                    all[t] = done;
                }, "load-" + i);
                workers.add(worker);
                worker.start();
            }
            for (Thread w : workers) {
                w.join();
            }
            long total = Arrays.stream(counts).sum();
            double[] lat = new double[(int) total];
            int k = 0;
            for (double[] l : latencies) {
                System.arraycopy(l, 0, lat, k, l.length);
                k += l.length;
            }
            return new Result(total, Arrays.stream(errors).sum(), window.toNanos() / 1e9, lat, firstError.get(),
                    Arrays.stream(all).sum());
        } finally {
            for (Op op : ops) {
                try {
                    op.close();
                } catch (Exception e) {
                    // closing a connection after the measurement
                }
            }
        }
    }
}

package io.sphere.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Sphere as production runs it: {@code deploy/bin}'s launchers (production profile, the launchers' default JVM
 * settings) with one generated config file, this benchmark's own instance name and database, and free ports. Every
 * process started is written to a PID file under {@code bench/target/run} and stopped again: on {@link #close()},
 * from a JVM shutdown hook (Ctrl-C), and at the next start when the benchmark JVM was killed.
 */
final class Apps implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /** One started application. */
    record App(String name, Process process, int port, double startupSeconds) {

        URI uri(String pathAndQuery) {
            return URI.create("http://127.0.0.1:" + port + pathAndQuery);
        }

        /**
         * The Java the launcher started this application with (it execs the JVM, so the process is the JVM): its
         * path and the version its release file gives; "unknown" when either cannot be read.
         */
        String runtime() {
            Optional<String> command = process.info().command();
            if (command.isEmpty()) {
                return "unknown";
            }
            Path home = Path.of(command.get()).getParent().getParent();
            try {
                String version = Files.readAllLines(home.resolve("release")).stream()
                        .filter(l -> l.startsWith("JAVA_VERSION=")).findFirst()
                        .map(l -> l.substring(l.indexOf('=') + 1).replace("\"", "")).orElse("unknown");
                return version + " (" + home + ")";
            } catch (IOException e) {
                return "unknown (" + home + ")";
            }
        }

        /** Resident memory (VmRSS) in MiB, or -1 when it cannot be read. */
        double residentMib() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // gone or not Linux
            }
            return -1;
        }

        /** CPU time (user + system) the process has used so far, in seconds; -1 when it cannot be read. */
        double cpuSeconds() {
            try {
                String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // USER_HZ is 100 on Linux
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        /** Freezes (SIGSTOP) or resumes (SIGCONT) the process: its JIT-compiled code and connections stay. */
        void signal(boolean resume) {
            try {
                Process kill = new ProcessBuilder("kill", resume ? "-CONT" : "-STOP", Long.toString(process.pid()))
                        .inheritIO().start();
                if (kill.waitFor() != 0) {
                    throw new IllegalStateException("kill " + (resume ? "-CONT " : "-STOP ") + process.pid()
                            + " failed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private final Path root;
    private final Path runDir;
    private final Path config;
    private final List<App> running = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread hook = new Thread(this::close, "sphere-bench-stop");

    Apps(Path root, Properties settings) throws IOException {
        this.root = root;
        this.runDir = root.resolve("bench/target/run");
        Files.createDirectories(runDir);
        killLeftovers();
        this.config = runDir.resolve("sphere.properties");
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            settings.store(out, "sphere-bench (ports are given to the launchers with -p)");
        }
        config.toFile().setReadable(false, false);
        config.toFile().setReadable(true, true);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    Path log(String name) {
        return runDir.resolve(name + ".log");
    }

    /** Runs {@code sphere-cli ARGS}; a failure stops the benchmark with the tail of its output. */
    void cli(String... args) {
        String tag = args.length > 2 ? args[0] + "-" + Path.of(args[args.length - 1]).getFileName() : args[0];
        Path log = log("sphere-cli-" + tag);
        ProcessBuilder builder = launcher("sphere-cli", Map.of(), args).redirectOutput(log.toFile());
        try {
            Process cli = builder.start();
            if (!cli.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                stop(cli.toHandle());
                throw new IllegalStateException("sphere-cli " + args[0] + " did not finish within " + CLI_TIMEOUT);
            }
            if (cli.exitValue() != 0) {
                throw new IllegalStateException("sphere-cli " + String.join(" ", args) + " exited with "
                        + cli.exitValue() + ":\n" + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Starts {@code sphere-web} or {@code sphere-worker} under {@code name} with extra environment (Quarkus maps
     * {@code SPHERE_REQUEST_LOG_ENABLED} to {@code sphere.request-log.enabled}) and waits until {@code readyPath}
     * answers 200. The start-up time is measured from the launch to that first served request.
     */
    App start(String app, String name, Map<String, String> env, String readyPath) throws IOException {
        int port = freePort();
        Path log = log(name);
        long t0 = System.nanoTime();
        Process process = launcher(app, env, "-p", Integer.toString(port)).redirectOutput(log.toFile()).start();
        Files.writeString(runDir.resolve(name + ".pid"), Long.toString(process.pid()));
        synchronized (this) {
            running.add(new App(name, process, port, -1));
        }
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + readyPath))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = t0 + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n"
                        + tail(log));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // keep polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT + ":\n" + tail(log));
            }
            sleep(20);
        }
        App started = new App(name, process, port, (System.nanoTime() - t0) / 1e9);
        synchronized (this) {
            running.removeIf(a -> a.process() == process);
            running.add(started);
        }
        return started;
    }

    /** The applications running now. */
    synchronized List<App> running() {
        return List.copyOf(running);
    }

    /** Stops one application (SIGTERM, SIGKILL after 30 s). */
    void stop(App app) {
        stop(app.process().toHandle());
        synchronized (this) {
            running.removeIf(a -> a.process() == app.process());
        }
        runDir.resolve(app.name() + ".pid").toFile().delete();
    }

    @Override
    public synchronized void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            App app = running.get(i);
            stop(app.process().toHandle());
            runDir.resolve(app.name() + ".pid").toFile().delete();
        }
        running.clear();
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook finds nothing left
            }
        }
    }

    private ProcessBuilder launcher(String app, Map<String, String> extraEnv, String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("deploy/bin").resolve(app).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        // The developer's own installation must not leak into the benchmark's, nor JVM flags into the launchers.
        env.keySet().removeIf(k -> k.startsWith("SPHERE_") || k.startsWith("QUARKUS_") || k.equals("JAVA_OPTS"));
        env.put("SPHERE_CONFIG", config.toString());
        env.putAll(extraEnv);
        return builder;
    }

    private static void stop(ProcessHandle top) {
        try {
            new ProcessBuilder("kill", "-CONT", Long.toString(top.pid())).start().waitFor(); // in case it is frozen
        } catch (IOException e) {
            // gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ProcessHandle> all = new ArrayList<>(top.descendants().toList());
        all.add(0, top);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                h.destroyForcibly();
            } catch (InterruptedException e) {
                h.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A benchmark JVM killed with SIGKILL runs no hook: its applications are found through their PID files. */
    private void killLeftovers() throws IOException {
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path pid : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                try {
                    Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
                            .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar"));
                    h.ifPresent(Apps::stop);
                } catch (NumberFormatException e) {
                    // unreadable: nothing to stop
                }
                Files.delete(pid);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())) + "\n(whole log: "
                    + log + ")";
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

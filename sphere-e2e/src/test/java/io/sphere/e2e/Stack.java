package io.sphere.e2e;

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
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * The packaged Sphere of this build, running for one test class: sphere-web and sphere-worker started through
 * {@code deploy/bin}'s launchers with their own config file, free ports, a migrated and emptied {@code sphere_test}
 * database holding one superuser, and empty queues. Register it with {@code @RegisterExtension static}.
 *
 * <p>
 * It never leaves a process behind: everything started is stopped after the class, when start-up fails half way,
 * from a JVM shutdown hook when the test JVM is interrupted, and at the next start when the JVM was killed.
 */
final class Stack implements BeforeAllCallback, AfterAllCallback {

    static final Path ROOT = Path.of(System.getProperty("sphere.root", "..")).toAbsolutePath().normalize();
    static final Path LOGS = ROOT.resolve("sphere-e2e/target/e2e-logs");
    /** Overridable so that two checkouts can run their end-to-end tests at once without sharing queues. */
    static final String INSTANCE = System.getProperty("sphere.e2e.instance", "sphere-e2e");
    /** The queues {@code io.sphere.core.messaging.Topology} declares for this instance. */
    private static final List<String> QUEUES = List.of(INSTANCE + ".request-log", INSTANCE + ".request-log.dead",
            INSTANCE + ".audit", INSTANCE + ".audit.dead", INSTANCE + ".thumbnail", INSTANCE + ".thumbnail.dead");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String adminEmail = "grace.hopper@example.com";
    private final String adminPassword = randomSecret(18);
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String label;
    private Path home;
    private Path config;
    private int webPort;
    private int workerPort;
    private Thread shutdownHook;
    private Process worker;

    @Override
    public void beforeAll(ExtensionContext context) {
        label = context.getRequiredTestClass().getSimpleName();
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    URI webUri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + webPort + pathAndQuery);
    }

    String adminEmail() {
        return adminEmail;
    }

    String adminPassword() {
        return adminPassword;
    }

    /**
     * Runs {@code sphere-cli demo} against this stack, as the quick start does: the sample "Request" type, its groups,
     * {@code cards} sample cards and the users operator@ and manager@example.com, whose password is the superuser's.
     */
    void loadDemo(int cards) {
        runCli("demo", "--cards", Integer.toString(cards), "--password-env", "SPHERE_E2E_ADMIN_PASSWORD");
    }

    /** What the welcome page greets a superuser created by the CLI with: the e-mail's local part. */
    String adminDisplayName() {
        return adminEmail.substring(0, adminEmail.indexOf('@'));
    }

    private void start() {
        try {
            Files.createDirectories(LOGS);
            killLeftoversOfAKilledRun();
            for (String app : List.of("sphere-web", "sphere-worker", "sphere-cli")) {
                Path jar = ROOT.resolve(app).resolve("target/quarkus-app/quarkus-run.jar");
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException(jar + " is missing: build the applications first (mvn -B verify "
                            + "from the repository root builds them before these tests)");
                }
            }
            home = Files.createTempDirectory("sphere-e2e-");
            webPort = freePort();
            workerPort = freePort();
            config = writeConfig();

            runCli("migrate");
            TestDatabase.clean();
            runCli("create-superuser", adminEmail, "--password-env", "SPHERE_E2E_ADMIN_PASSWORD");
            purgeQueues();

            shutdownHook = new Thread(this::close, "sphere-e2e-stack-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            worker = launch("sphere-worker", workerPort);
            Process web = launch("sphere-web", webPort);
            awaitReady("sphere-worker", worker, workerPort);
            awaitReady("sphere-web", web, webPort);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** Runs a sphere-cli command against this stack, as its operator would; fails unless it exits with 0. */
    void cli(String... args) {
        runCli(args);
    }

    /** SIGKILL to the worker and all it started: no shutdown hook runs, nothing in hand gets acknowledged. */
    synchronized void killWorker() throws InterruptedException {
        worker.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
        if (!worker.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("sphere-worker survived SIGKILL for " + STOP_TIMEOUT);
        }
        processes.remove(worker);
    }

    /** Starts the worker again, as supervisor would after a crash, and waits until it is ready. */
    void restartWorker() throws IOException {
        worker = launch("sphere-worker", workerPort);
        awaitReady("sphere-worker", worker, workerPort);
    }

    private Path writeConfig() throws IOException {
        Properties p = new Properties();
        p.setProperty("quarkus.datasource.jdbc.url", TestDatabase.URL);
        p.setProperty("quarkus.datasource.username", TestDatabase.USER);
        p.setProperty("quarkus.datasource.password", TestDatabase.PASSWORD);
        p.setProperty("sphere.broker.host", "127.0.0.1");
        p.setProperty("sphere.broker.port", "5672");
        p.setProperty("sphere.broker.username", "guest");
        p.setProperty("sphere.broker.password", "guest");
        p.setProperty("sphere.broker.virtual-host", "/");
        p.setProperty("sphere.instance.name", INSTANCE);
        p.setProperty("sphere.session.key", randomSecret(36));
        p.setProperty("sphere.csrf.key", randomSecret(36));
        p.setProperty("sphere.request-log.spool-dir", home.resolve("request-log-spool").toString());
        p.setProperty("sphere.media.root", home.resolve("media").toString());
        Path file = home.resolve("sphere.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "sphere-e2e " + label + " (ports are given to the launchers with -p)");
        }
        return file;
    }

    private ProcessBuilder launcher(String app, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("deploy/bin").resolve(app).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        // The developer's own installation settings must not leak into the test's stack.
        env.keySet().removeIf(key -> key.startsWith("SPHERE_") || key.startsWith("QUARKUS_"));
        env.put("SPHERE_CONFIG", config.toString());
        return builder;
    }

    private void runCli(String... args) {
        Path log = LOGS.resolve(label + "-sphere-cli-" + args[0] + ".log");
        ProcessBuilder builder = launcher("sphere-cli", args).redirectOutput(log.toFile());
        builder.environment().put("SPHERE_E2E_ADMIN_PASSWORD", adminPassword);
        try {
            Process cli = builder.start();
            boolean done = cli.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!done) {
                stop(cli);
                throw new IllegalStateException("sphere-cli " + args[0] + " did not finish within " + CLI_TIMEOUT
                        + "; see " + log);
            }
            if (cli.exitValue() != 0) {
                throw new IllegalStateException("sphere-cli " + args[0] + " exited with " + cli.exitValue() + ":\n"
                        + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running sphere-cli " + args[0], e);
        }
    }

    private Process launch(String app, int port) throws IOException {
        Path log = LOGS.resolve(label + "-" + app + ".log");
        Process process = launcher(app, "-p", Integer.toString(port)).redirectOutput(log.toFile()).start();
        synchronized (this) {
            processes.add(process);
        }
        Files.writeString(LOGS.resolve(label + "-" + app + ".pid"), Long.toString(process.pid()));
        return process;
    }

    private void awaitReady(String app, Process process, int port) {
        Path log = LOGS.resolve(label + "-" + app + ".log");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(app + " exited with " + process.exitValue() + " while starting:\n"
                        + tail(log));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + app, e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(app + " was not ready within " + START_TIMEOUT + " on port " + port
                        + ":\n" + tail(log));
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private static void purgeQueues() throws IOException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        try (Connection connection = factory.newConnection("sphere-e2e")) {
            for (String queue : QUEUES) {
                // A passive declare of a missing queue closes the channel, so each queue gets its own.
                try (Channel channel = connection.createChannel()) {
                    channel.queueDeclarePassive(queue);
                    channel.queuePurge(queue);
                } catch (IOException absent) {
                    // nothing to purge: the applications will declare it
                } catch (TimeoutException e) {
                    throw new IOException("RabbitMQ did not answer while purging " + queue, e);
                }
            }
        } catch (TimeoutException e) {
            throw new IOException("RabbitMQ did not answer on 127.0.0.1:5672; run deploy/dev-services.sh", e);
        }
    }

    /** Stops what this stack started, each process with SIGTERM first and SIGKILL after {@link #STOP_TIMEOUT}. */
    synchronized void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            stop(processes.get(i));
        }
        processes.clear();
        for (String app : List.of("sphere-web", "sphere-worker")) {
            LOGS.resolve(label + "-" + app + ".pid").toFile().delete();
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway and finds nothing left to stop
            }
            shutdownHook = null;
        }
        if (home != null) {
            deleteRecursively(home);
            home = null;
        }
    }

    private static void stop(Process process) {
        ProcessTrees.stop(process.toHandle(), STOP_TIMEOUT, true);
    }

    /** A test JVM killed with SIGKILL runs no hook; its applications are found again through their PID files. */
    private static void killLeftoversOfAKilledRun() throws IOException {
        try (Stream<Path> files = Files.list(LOGS)) {
            for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                        .filter(h -> h.info().commandLine().orElse("").contains("quarkus-run.jar"));
                leftover.ifPresent(h -> {
                    h.descendants().forEach(ProcessHandle::destroyForcibly);
                    h.destroyForcibly();
                });
                Files.delete(pidFile);
            }
        } catch (NumberFormatException e) {
            throw new IllegalStateException("unreadable PID file under " + LOGS, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String randomSecret(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))
                    + "\n(whole log: " + log + ")";
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}

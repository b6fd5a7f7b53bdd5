package io.sphere.e2e;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Production installations of this build, made by {@code deploy/install.sh} into a temporary root (its own
 * {@code etc}, {@code opt}, {@code var}), run by one supervisord and fronted by one nginx, both started from files
 * rendered here that include what install.sh wrote, the way Debian's own supervisord.conf and nginx.conf do.
 *
 * <p>
 * It never leaves anything behind: {@link #close()} stops supervisord (and so the applications) and nginx, and removes
 * every installation with {@code install.sh --remove} (database, role, virtual host, system user, files); it runs
 * after the test class, when start-up fails, from a JVM shutdown hook, and at the next start for a JVM that was
 * killed (through PID files).
 */
final class Deployment implements AutoCloseable {

    /** One installation: its name and ports, and what install.sh generated for it. */
    record Instance(String name, int webPort, int workerPort, int nginxPort) {

        String user() {
            return "sphere-" + name;
        }

        String program(String app) {
            return "sphere-" + name + ":sphere-" + name + "-" + app;
        }

        URI uri(String pathAndQuery) {
            return URI.create("http://127.0.0.1:" + nginxPort + pathAndQuery);
        }
    }

    static final Path LOGS = Stack.ROOT.resolve("sphere-e2e/target/e2e-logs");
    private static final Path INSTALL = Stack.ROOT.resolve("deploy/install.sh");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final String label;
    private final List<Instance> instances;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path root;
    private Process supervisord;
    private Process nginx;
    private Thread shutdownHook;

    private Deployment(String label, List<String> names) throws IOException {
        this.label = label;
        List<Instance> list = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        for (String name : names) {
            list.add(new Instance(name, freePort(taken), freePort(taken), freePort(taken)));
        }
        this.instances = List.copyOf(list);
    }

    /** Installs the named instances and starts supervisord and nginx; everything is undone if a step fails. */
    static Deployment start(String label, String... names) {
        Deployment deployment;
        try {
            deployment = new Deployment(label, List.of(names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            deployment.startAll();
            return deployment;
        } catch (IOException e) {
            deployment.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            deployment.close();
            throw e;
        }
    }

    private void startAll() throws IOException {
        Files.createDirectories(LOGS);
        killLeftoversOfAKilledRun();
        for (String app : List.of("sphere-web", "sphere-worker", "sphere-cli")) {
            if (!Files.isRegularFile(Stack.ROOT.resolve(app).resolve("target/quarkus-app/quarkus-run.jar"))) {
                throw new IllegalStateException(app + " is not built: run mvn -B -DskipTests package first");
            }
        }
        shutdownHook = new Thread(this::close, "sphere-deployment-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        // The service users must reach the installation under the root: a temp folder is 0700 by default.
        root = Files.createTempDirectory("sphere-deploy-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(LOGS.resolve(label + ".root"), root.toString());

        run(COMMAND_TIMEOUT, "packages", INSTALL.toString(), "--packages-only");
        for (Instance instance : instances) {
            install(instance);
        }
        writeSupervisordConf();
        writeNginxConf();
        String test = nginxTest();
        if (!test.contains("test is successful")) {
            throw new IllegalStateException("nginx -t failed on the rendered configuration:\n" + test);
        }

        supervisord = new ProcessBuilder("supervisord", "-n", "-c", root.resolve("supervisord.conf").toString())
                .redirectErrorStream(true).redirectOutput(LOGS.resolve(label + "-supervisord.out").toFile()).start();
        Files.writeString(LOGS.resolve(label + "-supervisord.pid"), Long.toString(supervisord.pid()));
        nginx = new ProcessBuilder("nginx", "-p", root.toString(), "-c", root.resolve("nginx.conf").toString(), "-g",
                "daemon off;").redirectErrorStream(true).redirectOutput(LOGS.resolve(label + "-nginx.out").toFile())
                .start();
        Files.writeString(LOGS.resolve(label + "-nginx.pid"), Long.toString(nginx.pid()));

        for (Instance instance : instances) {
            awaitReady(instance, "web", instance.webPort());
            awaitReady(instance, "worker", instance.workerPort());
        }
    }

    /** What {@code deploy/install.sh} does for an operator, into this deployment's root. */
    void install(Instance instance) {
        run(INSTALL_TIMEOUT, "install-" + instance.name(), INSTALL.toString(), "--instance", instance.name(),
                "--port", Integer.toString(instance.webPort()), "--worker-port",
                Integer.toString(instance.workerPort()),
                "--listen", "127.0.0.1:" + instance.nginxPort(), "--server-name", "localhost", "--root",
                root.toString(), "--no-packages");
    }

    /** Runs install.sh for another installation that must be refused; answers its error output. */
    String installRefused(String name, int port) {
        Result result = execute(INSTALL_TIMEOUT, List.of(INSTALL.toString(), "--instance", name, "--port",
                Integer.toString(port), "--root", root.toString(), "--no-packages"), Map.of());
        if (result.exitCode() == 0) {
            throw new AssertionError("install.sh accepted installation " + name + " on port " + port);
        }
        return result.output();
    }

    List<Instance> instances() {
        return instances;
    }

    Path root() {
        return root;
    }

    Path configFile(Instance instance) {
        return root.resolve("etc/sphere").resolve(instance.name()).resolve("sphere.properties");
    }

    Path logDir(Instance instance) {
        return root.resolve("var/log/sphere").resolve(instance.name());
    }

    Path supervisordLog() {
        return root.resolve("var/log/supervisord.log");
    }

    Path staticFolder(Instance instance) {
        return root.resolve("opt/sphere").resolve(instance.name()).resolve("current/static");
    }

    Properties config(Instance instance) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(configFile(instance), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** A connection to the instance's own database with the role and password install.sh generated. */
    Connection database(Instance instance) throws SQLException {
        Properties p = config(instance);
        return DriverManager.getConnection(p.getProperty("quarkus.datasource.jdbc.url"),
                p.getProperty("quarkus.datasource.username"), p.getProperty("quarkus.datasource.password"));
    }

    /** Runs the installation's sphere-cli as its service user, the way install.sh tells the operator to. */
    String cli(Instance instance, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("runuser", "-u", instance.user(), "--",
                root.resolve("opt/sphere").resolve(instance.name()).resolve("bin/sphere-cli").toString()));
        command.addAll(List.of(args));
        return run(COMMAND_TIMEOUT, instance.name() + "-cli-" + args[0], env, command.toArray(String[]::new));
    }

    /** {@code supervisorctl} against this deployment's supervisord; answers its output, whatever its exit code. */
    String supervisorctl(String... args) {
        List<String> command = new ArrayList<>(
                List.of("supervisorctl", "-c", root.resolve("supervisord.conf").toString()));
        command.addAll(List.of(args));
        return execute(COMMAND_TIMEOUT, command, Map.of()).output();
    }

    /** The PID supervisor reports for a program, or 0 while it is not running. */
    long pid(String program) {
        String out = supervisorctl("pid", program).strip();
        return out.matches("\\d+") ? Long.parseLong(out) : 0;
    }

    boolean ready(int port) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListening) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String nginxTest() {
        return execute(COMMAND_TIMEOUT,
                List.of("nginx", "-t", "-p", root.toString(), "-c", root.resolve("nginx.conf").toString()), Map.of())
                .output();
    }

    private void awaitReady(Instance instance, String app, int port) throws IOException {
        String program = instance.program(app);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!ready(port)) {
            if (!supervisord.isAlive()) {
                throw new IllegalStateException("supervisord exited with " + supervisord.exitValue() + " while "
                        + program + " was starting; see " + root.resolve("var/log"));
            }
            String status = supervisorctl("status", program);
            // EXITED with 78 (configuration or schema) and FATAL (failed starts) are final: no use waiting.
            if (status.contains("EXITED") || status.contains("FATAL") || Instant.now().isAfter(deadline)) {
                Path log = logDir(instance).resolve(app + ".log");
                List<String> lines = Files.isRegularFile(log) ? Files.readAllLines(log) : List.of();
                throw new IllegalStateException(program + " was not ready on port " + port + ": " + status.strip()
                        + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private void writeSupervisordConf() throws IOException {
        Path run = Files.createDirectories(root.resolve("run"));
        Path log = root.resolve("var/log");
        Files.writeString(root.resolve("supervisord.conf"),
                """
                        ; Written by the deployment test: Debian's /etc/supervisor/supervisord.conf, moved under the test's root.
                        [unix_http_server]
                        file=%1$s/supervisor.sock
                        chmod=0700

                        [supervisord]
                        logfile=%2$s/supervisord.log
                        pidfile=%1$s/supervisord.pid
                        childlogdir=%2$s

                        [rpcinterface:supervisor]
                        supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

                        [supervisorctl]
                        serverurl=unix://%1$s/supervisor.sock

                        [include]
                        files=%3$s/etc/supervisor/conf.d/*.conf
                        """
                        .formatted(run, log, root));
    }

    private void writeNginxConf() throws IOException {
        Path state = Files.createDirectories(root.resolve("var/lib/nginx"));
        Files.createDirectories(root.resolve("var/log/nginx"));
        Files.writeString(root.resolve("nginx.conf"),
                """
                        # Written by the deployment test: Debian's /etc/nginx/nginx.conf, reduced and moved under the test's root.
                        user www-data;
                        worker_processes 1;
                        pid %1$s/run/nginx.pid;
                        error_log %1$s/var/log/nginx/error.log warn;
                        events {
                            worker_connections 256;
                        }
                        http {
                            include /etc/nginx/mime.types;
                            default_type application/octet-stream;
                            sendfile on;
                            server_tokens off;
                            access_log %1$s/var/log/nginx/access.log;
                            client_body_temp_path %2$s/body;
                            proxy_temp_path %2$s/proxy;
                            fastcgi_temp_path %2$s/fastcgi;
                            uwsgi_temp_path %2$s/uwsgi;
                            scgi_temp_path %2$s/scgi;
                            include %1$s/etc/nginx/sites-enabled/*.conf;
                        }
                        """
                        .formatted(root, state));
    }

    private record Result(int exitCode, String output) {
    }

    private String run(Duration timeout, String step, String... command) {
        return run(timeout, step, Map.of(), command);
    }

    /** Runs a command to its end and fails with its output unless it exits with 0; the output goes to a log too. */
    private String run(Duration timeout, String step, Map<String, String> env, String... command) {
        Result result = execute(timeout, List.of(command), env);
        try {
            Files.writeString(LOGS.resolve(label + "-" + step + ".log"), result.output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + result.exitCode() + ":\n"
                    + result.output());
        }
        return result.output();
    }

    private static Result execute(Duration timeout, List<String> command, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The developer's own installation settings must not leak into what install.sh and sphere-cli see.
        builder.environment().keySet().removeIf(key -> key.startsWith("SPHERE_") || key.startsWith("QUARKUS_"));
        builder.environment().put("CI", "true");
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    /** Stops supervisord (with the applications) and nginx, removes every installation and the root. */
    @Override
    public synchronized void close() {
        if (supervisord != null) {
            if (supervisord.isAlive()) {
                try {
                    supervisorctl("stop", "all");
                } catch (RuntimeException e) {
                    // supervisord is killed below either way
                }
            }
            stopTree(supervisord);
            supervisord = null;
        }
        if (nginx != null) {
            stopTree(nginx);
            nginx = null;
        }
        if (root != null) {
            keepLogs();
            for (Instance instance : instances) {
                try {
                    execute(INSTALL_TIMEOUT, List.of(INSTALL.toString(), "--instance", instance.name(), "--remove",
                            "--root", root.toString()), Map.of());
                } catch (RuntimeException e) {
                    // the next run removes it again before installing
                }
            }
            deleteRecursively(root);
            root = null;
        }
        for (String file : List.of("-supervisord.pid", "-nginx.pid", ".root")) {
            LOGS.resolve(label + file).toFile().delete();
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway and finds nothing left to do
            }
            shutdownHook = null;
        }
    }

    /** Copies the applications', supervisord's and nginx's logs out of the root before it goes. */
    private void keepLogs() {
        Path from = root.resolve("var/log");
        Path to = LOGS.resolve(label + "-var-log");
        deleteRecursively(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file));
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        } catch (IOException e) {
            // logs are a help for a failed run, never a reason to fail the clean-up
        }
    }

    /** SIGTERM to a process and everything below it, SIGKILL to what is left after {@link #STOP_TIMEOUT}. */
    private static void stopTree(Process process) {
        stopTree(process.toHandle());
    }

    private static void stopTree(ProcessHandle top) {
        ProcessTrees.stop(top, STOP_TIMEOUT, false);
    }

    /** A test JVM killed with SIGKILL runs no hook: its supervisord, nginx and installations are found again. */
    private void killLeftoversOfAKilledRun() throws IOException {
        for (String name : List.of("supervisord", "nginx")) {
            Path pidFile = LOGS.resolve(label + "-" + name + ".pid");
            if (Files.isRegularFile(pidFile)) {
                Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                        .filter(h -> h.info().commandLine().orElse("").contains(name));
                leftover.ifPresent(Deployment::stopTree);
                Files.delete(pidFile);
            }
        }
        Path rootFile = LOGS.resolve(label + ".root");
        String oldRoot = Files.isRegularFile(rootFile) ? Files.readString(rootFile).strip() : null;
        for (Instance instance : instances) {
            List<String> remove = new ArrayList<>(
                    List.of(INSTALL.toString(), "--instance", instance.name(), "--remove"));
            if (oldRoot != null) {
                remove.addAll(List.of("--root", oldRoot));
            }
            if (oldRoot != null || leftoverUser(instance)) {
                execute(INSTALL_TIMEOUT, remove, Map.of());
            }
        }
        if (oldRoot != null) {
            deleteRecursively(Path.of(oldRoot));
            Files.delete(rootFile);
        }
    }

    private static boolean leftoverUser(Instance instance) {
        return execute(COMMAND_TIMEOUT, List.of("id", "-u", instance.user()), Map.of()).exitCode() == 0;
    }

    /** A free loopback port not yet handed out to this deployment. */
    private static int freePort(Set<Integer> taken) throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
                if (taken.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }

    static void sleep(Duration duration) {
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

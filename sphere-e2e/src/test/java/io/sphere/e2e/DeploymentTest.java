package io.sphere.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.sphere.e2e.Deployment.Instance;

/**
 * The production deployment of issue 7, proven with the real programs on loopback: two installations made by
 * {@code deploy/install.sh}, run by supervisord from the rendered programs, behind nginx with the rendered sites.
 * The steps build on each other (log in, isolation, the edge, attachments, SIGKILL, graceful stop), hence the fixed
 * order.
 */
@EndToEnd
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploymentTest {

    private static final String PASSWORD_ENV = "SPHERE_DTEST_ADMIN_PASSWORD";
    private static final String PASSWORD = "Deployment-" + UUID.randomUUID();
    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");
    private static final Pattern FINGERPRINTED_CSS = Pattern.compile("/lib/static/sphere\\.css\\?v=[0-9a-f]+");

    private static Deployment deployment;
    private static Instance a;
    private static Instance b;
    /** Request ids each installation answered with, for the isolation checks. */
    private static final Map<String, List<UUID>> requestIds = new HashMap<>();
    private static final Map<String, Session> sessions = new HashMap<>();

    @BeforeAll
    static void install() {
        // install.sh creates system users and databases, supervisord switches users: CI and deploy/test.sh run as root.
        assumeTrue("root".equals(System.getProperty("user.name")), "the deployment test needs root");
        deployment = Deployment.start(DeploymentTest.class.getSimpleName(), "dtest-a", "dtest-b");
        a = deployment.instances().get(0);
        b = deployment.instances().get(1);
        for (Instance instance : deployment.instances()) {
            String out = deployment.cli(instance, Map.of(PASSWORD_ENV, PASSWORD), "create-superuser", email(instance),
                    "--password-env", PASSWORD_ENV);
            assertThat(out).as("create-superuser on %s", instance.name()).contains(email(instance));
        }
    }

    @AfterAll
    static void removeEverything() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    @Order(1)
    void renderedNginxConfigurationPassesNginxT() {
        assertThat(deployment.nginxTest()).contains("syntax is ok").contains("test is successful");
    }

    @Test
    @Order(2)
    void eachInstanceLogsInThroughNginxAndFindsItsRequestsInItsOwnRequestLog() throws Exception {
        for (Instance instance : deployment.instances()) {
            Session session = new Session(instance);
            sessions.put(instance.name(), session);
            List<UUID> ids = new ArrayList<>();

            HttpResponse<String> login = session.logIn(email(instance), PASSWORD);
            assertThat(login.statusCode()).as("POST /login on %s", instance.name()).isIn(302, 303);
            assertThat(WebSession.location(login).getPath()).isEqualTo("/");
            ids.add(requestId(login));

            HttpResponse<String> welcome = session.get("/");
            assertThat(welcome.statusCode()).as("GET / on %s", instance.name()).isEqualTo(200);
            assertThat(welcome.body()).contains("id=\"welcome\"");
            ids.add(requestId(welcome));
            requestIds.put(instance.name(), ids);

            await("the login of " + instance.name() + " in its request_log").atMost(ARRIVAL)
                    .pollInterval(Duration.ofMillis(300)).until(() -> countRequests(instance, ids) == ids.size());
            HttpResponse<String> log = session.get("/request-log");
            assertThat(log.statusCode()).as("GET /request-log on %s", instance.name()).isEqualTo(200);
            assertThat(log.body()).as("request-log page of %s", instance.name())
                    .contains("id=\"rq-" + ids.get(0) + "\"", "id=\"rq-" + ids.get(1) + "\"");
        }
    }

    @Test
    @Order(3)
    void installationsNeverSeeEachOthersData() throws Exception {
        for (Instance instance : deployment.instances()) {
            Instance other = instance == a ? b : a;
            List<UUID> othersIds = requestIds.get(other.name());
            String page = sessions.get(instance.name()).get("/request-log").body();
            for (UUID id : othersIds) {
                assertThat(page).as("request-log page of %s", instance.name()).doesNotContain(id.toString());
            }
            assertThat(countRequests(instance, othersIds)).as("%s's requests in %s's database", other.name(),
                    instance.name()).isZero();
            try (Connection c = deployment.database(instance);
                    PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM app_user WHERE email = ?")) {
                ps.setString(1, email(other));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("%s's superuser in %s's database", other.name(), instance.name())
                            .isZero();
                }
            }
        }
        Properties configA = deployment.config(a);
        Properties configB = deployment.config(b);
        // Each role may connect to its own database only (install.sh revokes CONNECT from PUBLIC).
        assertThatThrownBy(() -> DriverManager.getConnection(
                configA.getProperty("quarkus.datasource.jdbc.url"), configB.getProperty("quarkus.datasource.username"),
                configB.getProperty("quarkus.datasource.password")).close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
        for (String key : List.of("quarkus.datasource.password", "sphere.broker.password", "sphere.session.key",
                "sphere.csrf.key", "sphere.broker.virtual-host", "sphere.instance.name")) {
            assertThat(configA.getProperty(key)).as(key).isNotBlank().isNotEqualTo(configB.getProperty(key));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(deployment.configFile(a))))
                .isEqualTo("rw-------");
        assertThat(Files.getOwner(deployment.configFile(a)).getName()).isEqualTo(a.user());
    }

    @Test
    @Order(4)
    void reRunningInstallKeepsSecretsAndTheRunningInstallation() {
        Properties before = deployment.config(a);
        long web = deployment.pid(a.program("web"));
        deployment.install(a);
        assertThat(deployment.config(a)).isEqualTo(before);
        assertThat(deployment.pid(a.program("web"))).isEqualTo(web);
        assertThat(deployment.ready(a.webPort())).isTrue();

        String refused = deployment.installRefused("dtest-c", a.webPort());
        assertThat(refused).contains("port " + a.webPort() + " is already used by installation " + a.name());
    }

    @Test
    @Order(5)
    void nginxServesStaticFilesAndGuardsTheEdge() throws Exception {
        Session session = sessions.get(a.name());

        HttpResponse<String> css = session.get("/lib/static/sphere.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("css"));
        assertThat(css.body()).isEqualTo(Files.readString(deployment.staticFolder(a).resolve("sphere.css")));
        // Served from disk by nginx: sphere-web would have given it an X-Request-Id.
        assertThat(css.headers().firstValue("X-Request-Id")).isEmpty();
        assertThat(css.headers().firstValue("Expires")).isPresent();
        Matcher maxAge = MAX_AGE.matcher(css.headers().firstValue("Cache-Control").orElse(""));
        assertThat(maxAge.find()).as("Cache-Control max-age").isTrue();
        assertThat(Long.parseLong(maxAge.group(1))).isGreaterThanOrEqualTo(Duration.ofDays(7).toSeconds());
        // Pages link static files by their content's fingerprint: those addresses are cached for good.
        Matcher link = FINGERPRINTED_CSS.matcher(session.get("/").body());
        assertThat(link.find()).as("fingerprinted stylesheet link on /").isTrue();
        HttpResponse<String> fingerprinted = session.get(link.group());
        assertThat(fingerprinted.statusCode()).isEqualTo(200);
        Matcher longAge = MAX_AGE.matcher(fingerprinted.headers().firstValue("Cache-Control").orElse(""));
        assertThat(longAge.find()).as("Cache-Control max-age of %s", link.group()).isTrue();
        assertThat(Long.parseLong(longAge.group(1))).isGreaterThanOrEqualTo(Duration.ofDays(365).toSeconds());
        HttpResponse<String> gzipped = session.get("/lib/static/sphere.css", "Accept-Encoding", "gzip");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");

        HttpResponse<String> media = session.get("/lib/media/anything.txt");
        assertThat(media.statusCode()).as("a direct request for an upload").isEqualTo(404);
        assertThat(session.get("/q/metrics").statusCode()).as("metrics through nginx").isEqualTo(404);
        assertThat(session.get("/q/health/ready").statusCode()).as("readiness through nginx").isEqualTo(200);

        for (HttpResponse<String> response : List.of(session.get("/login"), session.get("/"), media, css)) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).as("CSP of %s", response.uri())
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'",
                            "frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).isPresent();
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as("HSTS without TLS").isEmpty();
        }

        assertThat(statusOfAnnouncedBody(a, 50L * 1024 * 1024 + 1)).as("a body over 50 MB").isEqualTo(413);
    }

    /**
     * Issue 6 through the real edge: a card made with the JSON API, a file uploaded through nginx, and its download
     * sent by nginx from the internal media location. sphere-web runs with {@code sphere.media.accel-redirect=true}
     * and then sends no bytes itself, so the file arriving whole proves the X-Accel-Redirect path; the worker of the
     * installation makes the thumbnail, served the same way; a direct request for the stored file is refused.
     */
    @Test
    @Order(6)
    void aFileAttachedThroughNginxIsSentByNginxFromTheInternalMediaLocation() throws Exception {
        for (Instance instance : deployment.instances()) {
            assertThat(deployment.config(instance).getProperty("sphere.media.accel-redirect")).isEqualTo("true");
            assertThat(deployment.config(instance).getProperty("sphere.media.root"))
                    .endsWith("/var/lib/sphere/" + instance.name() + "/media");
            deployment.cli(instance, Map.of(), "demo", "--cards", "0");
            Session session = sessions.get(instance.name());
            String csrf = WebSession.csrfToken(session.get("/").body());

            HttpResponse<String> card = session.send(HttpRequest.newBuilder(instance.uri("/api/v1/cards"))
                    .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"REQ\",\"title\":\"Deployment check "
                            + instance.name() + "\",\"values\":{\"category\":\"hardware\"}}")));
            assertThat(card.statusCode()).as("POST /api/v1/cards on %s: %s", instance.name(), card.body())
                    .isEqualTo(201);
            Matcher key = Pattern.compile("\"key\"\\s*:\\s*\"([A-Z0-9-]+)\"").matcher(card.body());
            assertThat(key.find()).isTrue();

            byte[] png = png(1000, 700);
            HttpResponse<String> up = session.send(HttpRequest.newBuilder(instance.uri("/api/v1/cards/"
                    + key.group(1) + "/attachments?name="
                    + URLEncoder.encode("Фото склада.png", StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/octet-stream").header("X-CSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(png)));
            assertThat(up.statusCode()).as("upload through nginx on %s: %s", instance.name(), up.body())
                    .isEqualTo(201);
            Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(up.body());
            assertThat(id.find()).isTrue();
            String storageKey = storageKey(instance, Long.parseLong(id.group(1)));

            HttpResponse<byte[]> down = session.bytes("/attachments/" + id.group(1) + "/content");
            assertThat(down.statusCode()).isEqualTo(200);
            assertThat(down.body()).as("the file as nginx sent it").isEqualTo(png);
            assertThat(down.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(down.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                    .startsWith("inline;").contains("filename*=UTF-8''%D0%A4%D0%BE%D1%82%D0%BE"));
            assertThat(down.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(down.headers().firstValue("X-Accel-Redirect")).as("never shown to the client").isEmpty();
            HttpResponse<byte[]> part = session.bytes("/attachments/" + id.group(1) + "/content", "Range",
                    "bytes=100-199");
            assertThat(part.statusCode()).as("a range from nginx").isEqualTo(206);
            assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(png, 100, 200));

            assertThat(session.get("/lib/media/" + storageKey).statusCode()).as("the stored file, asked for directly")
                    .isEqualTo(404);
            Session stranger = new Session(instance);
            HttpResponse<byte[]> anonymous = stranger.bytes("/attachments/" + id.group(1) + "/content");
            assertThat(anonymous.statusCode()).as("not signed in").isIn(302, 303);
            assertThat(anonymous.body()).isEmpty();

            await("the thumbnail by " + instance.name() + "'s worker").atMost(ARRIVAL)
                    .pollInterval(Duration.ofMillis(500)).until(() -> thumbnailState(instance,
                            Long.parseLong(id.group(1))).equals("READY"));
            HttpResponse<byte[]> thumb = session.bytes("/attachments/" + id.group(1) + "/thumbnail");
            assertThat(thumb.statusCode()).isEqualTo(200);
            assertThat(thumb.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumb.body())).getWidth())
                    .isEqualTo(320);
        }
    }

    @Test
    @Order(7)
    void workerKilledWithSigkillIsRestartedBySupervisorAndNothingIsLost() throws Exception {
        Session session = sessions.get(a.name());
        long killed = deployment.pid(a.program("worker"));
        assertThat(killed).as("the worker's PID").isPositive();
        Instant start = Instant.now();
        assertThat(ProcessHandle.of(killed).orElseThrow().destroyForcibly()).isTrue();

        List<UUID> ids = new ArrayList<>();
        // Requests while the worker is down: sphere-web publishes them, RabbitMQ keeps them.
        for (int i = 0; i < 20; i++) {
            ids.add(requestId(session.get("/")));
        }
        await("a new worker of " + a.name()).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    long pid = deployment.pid(a.program("worker"));
                    return pid != 0 && pid != killed && deployment.ready(a.workerPort());
                });
        Duration restart = Duration.between(start, Instant.now());
        for (int i = 0; i < 20; i++) {
            ids.add(requestId(session.get("/")));
        }
        await("all " + ids.size() + " requests in " + a.name() + "'s request_log").atMost(ARRIVAL)
                .pollInterval(Duration.ofMillis(300)).until(() -> countRequests(a, ids) == ids.size());
        assertThat(countRows(a, ids)).as("rows, each request once").isEqualTo(ids.size());
        assertThat(Files.readString(deployment.supervisordLog()))
                .contains("exited: sphere-" + a.name() + "-worker (terminated by SIGKILL; not expected)");
        System.out.printf("DeploymentTest: worker of %s ready again %d ms after SIGKILL%n", a.name(),
                restart.toMillis());
    }

    @Test
    @Order(8)
    void loginFormIsRateLimitedPerInstallation() throws Exception {
        Session session = new Session(b);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(
                    session.post("/login", Map.of("email", "nobody@example.com", "password", "wrong")).statusCode());
        }
        assertThat(statuses.get(0)).as("the first attempt reaches Sphere").isNotEqualTo(429);
        assertThat(statuses).as("statuses of a burst of logins").contains(429);
        assertThat(session.get("/login").statusCode()).as("showing the form stays free").isEqualTo(200);
        int other = new Session(a).post("/login", Map.of("email", "nobody@example.com", "password", "x"))
                .statusCode();
        assertThat(other).as("the other installation's login form").isNotEqualTo(429);
    }

    @Test
    @Order(9)
    void supervisorctlStopsBothInstallationsGracefully() throws Exception {
        long logStart = Files.size(deployment.supervisordLog());
        Instant start = Instant.now();
        String out = deployment.supervisorctl("stop", "all");
        Duration took = Duration.between(start, Instant.now());
        String log = Files.readString(deployment.supervisordLog()).substring((int) logStart);
        assertThat(log).doesNotContain("SIGKILL");
        for (Instance instance : deployment.instances()) {
            for (String app : List.of("web", "worker")) {
                String program = "sphere-" + instance.name() + "-" + app;
                assertThat(out).contains(program + ": stopped");
                // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and exited by itself.
                assertThat(log).contains("stopped: " + program + " (exit status 143)");
                assertThat(Files.readString(deployment.logDir(instance).resolve(app + ".log")))
                        .contains("sphere-" + app + " stopped in");
            }
            assertThat(Files.readString(deployment.logDir(instance).resolve("worker.log")))
                    .contains("Request-log consumer stopped cleanly");
        }
        assertThat(took).as("time to stop, far below stopwaitsecs=600").isLessThan(Duration.ofSeconds(60));
        assertThat(deployment.supervisorctl("status")).doesNotContain("RUNNING");
        System.out.printf("DeploymentTest: supervisorctl stop all took %d ms%n", took.toMillis());
    }

    private static String email(Instance instance) {
        return "admin@" + instance.name() + ".example.com";
    }

    private static UUID requestId(HttpResponse<?> response) {
        return UUID.fromString(response.headers().firstValue("X-Request-Id")
                .orElseThrow(() -> new AssertionError("no X-Request-Id on " + response.uri())));
    }

    private static long countRequests(Instance instance, Collection<UUID> ids) throws SQLException {
        return query(instance, "SELECT count(DISTINCT request_id) FROM request_log WHERE request_id = ANY (?)", ids);
    }

    private static long countRows(Instance instance, Collection<UUID> ids) throws SQLException {
        return query(instance, "SELECT count(*) FROM request_log WHERE request_id = ANY (?)", ids);
    }

    private static long query(Instance instance, String sql, Collection<UUID> ids) throws SQLException {
        try (Connection c = deployment.database(instance); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String storageKey(Instance instance, long id) throws SQLException {
        try (Connection c = deployment.database(instance);
                PreparedStatement ps = c.prepareStatement("SELECT storage_key FROM attachment WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static String thumbnailState(Instance instance, long id) throws SQLException {
        try (Connection c = deployment.database(instance);
                PreparedStatement ps = c.prepareStatement("SELECT thumbnail_state FROM attachment WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    private static byte[] png(int width, int height) throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Announces a body of the given size and sends none: nginx must refuse it from the headers alone. */
    private static int statusOfAnnouncedBody(Instance instance, long bytes) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), instance.nginxPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + bytes + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    /** A browser reduced to an HTTP client talking to one installation through nginx. */
    private static final class Session {

        private final Instance instance;
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        Session(Instance instance) {
            this.instance = instance;
        }

        HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(instance.uri(path)).timeout(Duration.ofSeconds(30));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> bytes(String path, String... headers) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(instance.uri(path)).timeout(Duration.ofSeconds(30));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(instance.uri(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> logIn(String email, String password) throws IOException, InterruptedException {
            HttpResponse<String> page = get("/login");
            assertThat(page.statusCode()).as("GET /login on %s", instance.name()).isEqualTo(200);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("email", email);
            form.put("password", password);
            form.put("csrf-token", WebSession.csrfToken(page.body()));
            return post("/login", form);
        }
    }
}

package io.sphere.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MessageProperties;

/**
 * The benchmark of issue 8. Run it with {@code bench/run.sh [--quick]}; see docs/benchmarks.md for what each figure
 * means. Every ratio compares two things measured in this same run, repetitions interleaved, so that the noise of a
 * shared machine falls on both sides.
 */
public final class Bench {

    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    /** One line of the results table. */
    record Row(String id, String what, String figure, String spread, String target, String verdict) {
    }

    private final Path root;
    private final boolean quick;
    private final String database;
    private final String instance;
    private final Path out;
    private final long budgetSeconds;
    private final int reps;
    private final Duration warmup;
    private final Duration window;
    private final List<Long> sizes;
    private final int drainMessages;
    private final int auditLifecycles;
    private final long started = System.nanoTime();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> explains = new ArrayList<>();

    private World world;
    private Apps apps;
    private Apps.App web;
    private Apps.App webNoLog;
    private Apps.App worker;
    private Optional<Outbox> outbox = Optional.empty();
    private Extras extras;

    private Bench(Path root, boolean quick, String database, String instance, Path out, long budgetSeconds) {
        this.root = root;
        this.budgetSeconds = budgetSeconds;
        this.quick = quick;
        this.database = database;
        this.instance = instance;
        this.out = out;
        this.reps = 3;
        this.warmup = Duration.ofSeconds(quick ? 2 : 4);
        this.window = Duration.ofSeconds(quick ? 5 : 10);
        this.sizes = quick ? List.of(10_000L, 100_000L) : List.of(10_000L, 100_000L, 1_000_000L);
        this.drainMessages = quick ? 20_000 : 100_000;
        this.auditLifecycles = quick ? 40 : 150;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Path root = Path.of(".").toAbsolutePath().normalize();
        String db = "sphere_bench";
        String instance = "sphere-bench";
        Path out = null;
        long budget = 29 * 60;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--db" -> db = args[++i];
                case "--instance" -> instance = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--budget-seconds" -> budget = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("sphere-bench: unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (!db.matches("[a-z_][a-z0-9_]*") || !db.contains("bench")) {
            System.err.println("sphere-bench: the database name must contain 'bench' (it is emptied): " + db);
            System.exit(2);
        }
        Bench bench = new Bench(root, quick, db, instance, out == null ? root.resolve("docs/benchmarks.md") : out,
                budget);
        try {
            bench.run();
        } catch (Exception e) {
            System.err.println("sphere-bench: failed: " + e);
            e.printStackTrace();
            System.exit(1);
        } finally {
            if (bench.apps != null) {
                bench.apps.close();
            }
        }
        System.exit(0);
    }

    private void run() throws Exception {
        String sessionKey = World.secret();
        world = new World("jdbc:postgresql://127.0.0.1:5432/" + database, "sphere", "sphere", sessionKey);
        log("resetting database " + database);
        try (Connection c = world.connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        Properties p = new Properties();
        p.setProperty("quarkus.datasource.jdbc.url", world.jdbcUrl);
        p.setProperty("quarkus.datasource.username", "sphere");
        p.setProperty("quarkus.datasource.password", "sphere");
        p.setProperty("sphere.broker.host", "127.0.0.1");
        p.setProperty("sphere.broker.port", "5672");
        p.setProperty("sphere.broker.username", "guest");
        p.setProperty("sphere.broker.password", "guest");
        p.setProperty("sphere.broker.virtual-host", "/");
        p.setProperty("sphere.instance.name", instance);
        p.setProperty("sphere.session.key", sessionKey);
        p.setProperty("sphere.csrf.key", World.secret());
        p.setProperty("sphere.request-log.spool-dir", root.resolve("bench/target/run/spool-web").toString());
        apps = new Apps(root, p);

        log("migrating with sphere-cli migrate");
        apps.cli("migrate");
        world.createPeople();
        for (String key : world.typeKeys) {
            Path file = root.resolve("bench/target/run/type-" + key + ".json");
            Files.writeString(file, world.typeFile(key));
            apps.cli("card-type", "import", file.toString());
        }
        world.loadTypeIds();
        purgeQueues();
        try (Connection c = world.connect()) {
            outbox = Outbox.detect(c);
            notes.add(outbox.map(o -> "Audit outbox detected; the JDBC baseline writes `" + o.description + "`.")
                    .orElse("No `audit_outbox` table in this build (audit not landed): the JDBC baseline of 1 has "
                            + "no outbox insert, and the API does no audit work either."));
        }

        log("starting sphere-worker, sphere-web (request log on) and sphere-web (request log off)");
        worker = apps.start("sphere-worker", "worker", Map.of(), "/q/health/ready");
        web = apps.start("sphere-web", "web", Map.of(), "/login");
        webNoLog = apps.start("sphere-web", "web-nolog", Map.of("SPHERE_REQUEST_LOG_ENABLED", "false",
                "SPHERE_REQUEST_LOG_SPOOL_DIR", root.resolve("bench/target/run/spool-web-nolog").toString()),
                "/login");
        double startup = web.startupSeconds();

        log("generating " + sizes.get(0) + " cards");
        extras = new Extras(world);
        world.growCardsTo(sizes.get(0));
        extras.fill();

        long step = (long) reps * (warmup.toSeconds() + window.toSeconds());
        // Each step runs only if it and a 10k/100k inbox after it still fit; what is skipped is said in the notes.
        long inboxAtLeast = 2 * step + 60;
        if (inTime(4 * step + inboxAtLeast)) {
            lifecycle();
        } else {
            notes.add("1 skipped: it would not have fitted in the time bound.");
        }
        if (inTime(2 * step + inboxAtLeast)) {
            requestLogOverhead();
        } else {
            notes.add("3 skipped: it would not have fitted in the time bound.");
        }
        if (inTime(60 + inboxAtLeast)) {
            auditStorage();
        } else {
            notes.add("5 skipped: it would not have fitted in the time bound.");
        }
        if (inTime(reps * 90L + inboxAtLeast)) {
            drain();
        } else {
            notes.add("4 skipped: it would not have fitted in the time bound.");
        }
        inbox(step);

        rows.add(new Row("6", "Lifecycle and inbox with overdue/reminder jobs on ÷ off", "n/a", "",
                "each within 10%", "n/a: jobs not landed"));
        rows.add(new Row("7", "sphere-web resident memory after the run", mib(web.residentMib()), "",
                "≤ 400 MB", verdict(web.residentMib() <= 400)));
        rows.add(new Row("7", "sphere-worker resident memory after the run", mib(worker.residentMib()), "",
                "≤ 400 MB", verdict(worker.residentMib() <= 400)));
        rows.add(new Row("7", "sphere-web start-up to the first served request (GET /login)",
                String.format(Locale.ROOT, "%.2f s", startup), "", "≤ 3 s", verdict(startup <= 3)));
        notes.addAll(extras.notes());
        report();
    }

    // ---- 1. card lifecycle -------------------------------------------------------------------------------------

    private void lifecycle() throws Exception {
        for (int conns : new int[]{4, 16}) {
            List<Double> api = new ArrayList<>();
            List<Double> jdbc = new ArrayList<>();
            List<Double> ratio = new ArrayList<>();
            long errors = 0;
            String firstError = null;
            for (int r = 0; r < reps; r++) {
                log("1. lifecycle, " + conns + " connections, repetition " + (r + 1));
                boolean apiFirst = r % 2 == 0;
                Load.Result first = Load.run(conns, warmup, window,
                        t -> apiFirst ? apiLifecycle(t) : jdbcLifecycle(t));
                Load.Result second = Load.run(conns, warmup, window,
                        t -> apiFirst ? jdbcLifecycle(t) : apiLifecycle(t));
                Load.Result a = apiFirst ? first : second;
                Load.Result j = apiFirst ? second : first;
                api.add(a.rate());
                jdbc.add(j.rate());
                ratio.add(a.rate() / j.rate());
                errors += a.errors() + j.errors();
                firstError = firstError != null
                        ? firstError
                        : a.firstError() != null
                                ? a.firstError()
                                : j.firstError();
            }
            rows.add(new Row("1", "Lifecycle via JSON API, " + conns + " conn (lifecycles/s)", num(api), range(api),
                    "", ""));
            rows.add(new Row("1", "Lifecycle via hand-written JDBC, " + conns + " conn (lifecycles/s)", num(jdbc),
                    range(jdbc), "", ""));
            rows.add(new Row("1", "API ÷ JDBC, " + conns + " conn" + (outbox.isEmpty() ? " (no audit outbox)" : ""),
                    ratioText(ratio), range(ratio), "≥ 0.30", verdict(Stats.median(ratio) >= 0.30)));
            if (errors > 0) {
                notes.add("1 at " + conns + " connections: " + errors + " failed operations, first: " + firstError);
            }
        }
    }

    private Load.Op apiLifecycle(int t) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int op = t % World.OPERATORS;
        String token = world.tokens.get(op);
        String type = world.typeKeys.get(t % world.typeKeys.size());
        long group = world.groupOf(op);
        return () -> {
            String body = """
                    {"type":"%s","title":"Bench lifecycle","values":{"summary":"Created by the benchmark",\
                    "amount":42,"category":"b"},"dueAt":"2027-01-15T12:00:00Z","candidateGroupId":%d}"""
                    .formatted(type, group);
            HttpResponse<String> created = client.send(json(web.uri("/api/v1/cards"), token, body),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
            }
            String location = created.headers().firstValue("Location").orElseThrow();
            String key = location.substring(location.lastIndexOf('/') + 1);
            HttpResponse<String> moved = client.send(json(web.uri("/api/v1/cards/" + key + "/transitions"), token,
                    "{\"transition\":\"start\",\"version\":" + version(created.body()) + "}"),
                    HttpResponse.BodyHandlers.ofString());
            if (moved.statusCode() != 200) {
                throw new IllegalStateException("transition: " + moved.statusCode() + " " + moved.body());
            }
        };
    }

    /** The same rows as the API writes, with nothing around them: card (+ watcher) then its transition. */
    private Load.Op jdbcLifecycle(int t) throws SQLException {
        Connection c = world.connect();
        c.setAutoCommit(false);
        int op = t % World.OPERATORS;
        long user = world.operatorIds.get(op);
        long type = world.typeIds.get(t % world.typeIds.size());
        String typeKey = world.typeKeys.get(t % world.typeKeys.size());
        long group = world.groupOf(op);
        PreparedStatement number = c.prepareStatement(
                "UPDATE card_type SET next_number = next_number + 1 WHERE id = ? RETURNING next_number - 1");
        PreparedStatement insert = c.prepareStatement("""
                INSERT INTO card (card_type_id, number, key, title, field_values, stage, candidate_group_id, priority,
                                  due_at, created_by, created_at, updated_by, updated_at, search)
                VALUES (?, ?, ?, 'Bench lifecycle', CAST(? AS jsonb), 'new', ?, 'NORMAL',
                        timestamptz '2027-01-15 12:00:00Z', ?, now(), ?, now(), to_tsvector('simple', ?))
                RETURNING id""");
        PreparedStatement watch = c.prepareStatement("INSERT INTO card_watcher (card_id, user_id) VALUES (?, ?)");
        PreparedStatement lock = c.prepareStatement("SELECT version, stage FROM card WHERE id = ? FOR UPDATE");
        PreparedStatement move = c.prepareStatement("UPDATE card SET stage = 'in_progress', version = version + 1, "
                + "updated_by = ?, updated_at = now() WHERE id = ? AND version = ?");
        return new Load.Op() {
            @Override
            public void run() throws Exception {
                try {
                    number.setLong(1, type);
                    long n;
                    try (ResultSet rs = number.executeQuery()) {
                        rs.next();
                        n = rs.getLong(1);
                    }
                    String key = typeKey + "-" + n;
                    insert.setLong(1, type);
                    insert.setLong(2, n);
                    insert.setString(3, key);
                    insert.setString(4, "{\"summary\":\"Created by the benchmark\",\"amount\":42,\"category\":\"b\"}");
                    insert.setLong(5, group);
                    insert.setLong(6, user);
                    insert.setLong(7, user);
                    insert.setString(8, key + " Bench lifecycle Created by the benchmark");
                    long id;
                    try (ResultSet rs = insert.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    watch.setLong(1, id);
                    watch.setLong(2, user);
                    watch.executeUpdate();
                    if (outbox.isPresent()) {
                        outbox.get().insert(c, id, key, user, "CREATED", "{\"title\":[null,\"Bench lifecycle\"],"
                                + "\"summary\":[null,\"Created by the benchmark\"],\"amount\":[null,42],"
                                + "\"category\":[null,\"b\"],\"stage\":[null,\"new\"]}");
                    }
                    c.commit();

                    lock.setLong(1, id);
                    long version;
                    try (ResultSet rs = lock.executeQuery()) {
                        rs.next();
                        version = rs.getLong(1);
                    }
                    move.setLong(1, user);
                    move.setLong(2, id);
                    move.setLong(3, version);
                    move.executeUpdate();
                    if (outbox.isPresent()) {
                        outbox.get().insert(c, id, key, user, "TRANSITIONED", "{\"stage\":[\"new\",\"in_progress\"]}");
                    }
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            }

            @Override
            public void close() throws Exception {
                c.close();
            }
        };
    }

    // ---- 2. inbox ----------------------------------------------------------------------------------------------

    private static final String INBOX = "/api/v1/cards?scope=groups&open=true&sort=-created&limit=20";
    private static final String INBOX_PAGE = "/cards?scope=groups&open=true&sort=-created";

    private void inbox(long step) throws Exception {
        boolean page = pageAnswers(INBOX_PAGE);
        if (!page) {
            notes.add("2: no card list page answered `GET " + INBOX_PAGE + "` with 200 in this build (card pages "
                    + "not landed), so the inbox is measured through the API only.");
        }
        Map<Long, List<Double>> p95 = new LinkedHashMap<>();
        Map<Long, List<Double>> pageP95 = new LinkedHashMap<>();
        for (long size : sizes) {
            // generating 900k cards takes minutes on a small machine
            if (!inTime(step * 2 + size / 3000)) {
                notes.add("2: stopped before " + size + " cards to stay within the time bound.");
                break;
            }
            log("generating cards up to " + size);
            long t0 = System.nanoTime();
            world.growCardsTo(size);
            extras.fill();
            log(String.format(Locale.ROOT, "  %d cards in %.0f s", size, (System.nanoTime() - t0) / 1e9));
            List<Double> p50s = new ArrayList<>();
            List<Double> p95s = new ArrayList<>();
            List<Double> pp50 = new ArrayList<>();
            List<Double> pp95 = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                log("2. inbox at " + size + ", repetition " + (r + 1));
                Load.Result a = Load.run(2, warmup, window, t -> get(web, INBOX, t, false));
                p50s.add(a.p(50));
                p95s.add(a.p(95));
                check(a, "2 (API, " + size + ")");
                if (page) {
                    Load.Result b = Load.run(2, warmup, window, t -> get(web, INBOX_PAGE, t, true));
                    pp50.add(b.p(50));
                    pp95.add(b.p(95));
                    check(b, "2 (page, " + size + ")");
                }
            }
            String label = size >= 1_000_000 ? (size / 1_000_000) + "M" : (size / 1000) + "k";
            rows.add(new Row("2", "Inbox via API at " + label + ": p50 (ms)", ms(p50s), range(p50s), "", ""));
            boolean last = size == 1_000_000L;
            rows.add(new Row("2", "Inbox via API at " + label + ": p95 (ms)", ms(p95s), range(p95s),
                    last ? "≤ 20 ms" : "", last ? verdict(Stats.median(p95s) <= 20) : ""));
            p95.put(size, p95s);
            if (page) {
                rows.add(new Row("2", "Inbox page at " + label + ": p50 (ms)", ms(pp50), range(pp50), "", ""));
                rows.add(new Row("2", "Inbox page at " + label + ": p95 (ms)", ms(pp95), range(pp95),
                        last ? "≤ 20 ms" : "", last ? verdict(Stats.median(pp95) <= 20) : ""));
                pageP95.put(size, pp95);
            }
        }
        ratioRow(p95, "API");
        if (page) {
            ratioRow(pageP95, "page");
        }
        if (!sizes.contains(1_000_000L)) {
            rows.add(new Row("2", "Inbox p95 at 1M", "not run", "", "≤ 20 ms", "n/a: --quick stops at 100k"));
        }
        explainInbox();
    }

    private void ratioRow(Map<Long, List<Double>> p95, String via) {
        List<Long> done = new ArrayList<>(p95.keySet());
        if (done.size() < 2) {
            return;
        }
        long big = done.get(done.size() - 1);
        double ratio = Stats.median(p95.get(big)) / Stats.median(p95.get(done.get(0)));
        boolean target = big == 1_000_000L;
        rows.add(new Row("2", "Inbox via " + via + ": p95 at " + (big >= 1_000_000 ? "1M" : (big / 1000) + "k")
                + " ÷ p95 at 10k", ratioText(List.of(ratio)), "", "≤ 1.5 (1M ÷ 10k)",
                target ? verdict(ratio <= 1.5) : "n/a: not 1M (--quick)"));
    }

    /**
     * The statements the inbox runs, as CardQuery builds them (the actor's groups and viewable types, the capped
     * count, the first page walking each group's index), with their plans.
     */
    private void explainInbox() throws SQLException {
        long user = world.operatorIds.get(0);
        try (Connection c = world.connect(); Statement st = c.createStatement()) {
            String reach = "SELECT ARRAY(SELECT m.group_id FROM group_member m WHERE m.user_id = " + user
                    + " ORDER BY 1), ARRAY(SELECT DISTINCT p.card_type_id FROM card_type_permission p JOIN group_member m"
                    + " ON m.group_id = p.group_id WHERE m.user_id = " + user + " AND p.action = 'VIEW' ORDER BY 1)";
            String groups;
            String types;
            try (ResultSet rs = st.executeQuery(reach)) {
                rs.next();
                groups = "'" + rs.getString(1) + "'::bigint[]";
                types = "'" + rs.getString(2) + "'::bigint[]";
            }
            String where = " FROM card c WHERE c.deleted_at IS NULL AND c.card_type_id = ANY(" + types
                    + ") AND c.closed_at IS NULL";
            for (String sql : List.of(reach,
                    "SELECT count(*) FROM (SELECT 1" + where + " AND c.candidate_group_id = ANY(" + groups
                            + ") LIMIT 10001) capped",
                    "SELECT x.* FROM unnest(" + groups + ") AS g(id) CROSS JOIN LATERAL (SELECT c.id, c.key, c.title,"
                            + " c.created_at AS sort_key" + where + " AND c.candidate_group_id = g.id"
                            + " ORDER BY c.created_at DESC, c.id DESC LIMIT 21) x"
                            + " ORDER BY x.sort_key DESC, x.id DESC LIMIT 21")) {
                StringBuilder plan = new StringBuilder(sql).append("\n\n");
                try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                explains.add(plan.toString());
            }
        }
    }

    // ---- 3. request-log overhead -------------------------------------------------------------------------------

    private void requestLogOverhead() throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection c = world.connect()) {
            for (int i = 0; i < World.OPERATORS; i++) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT key FROM card WHERE candidate_group_id = ? ORDER BY id LIMIT 1")) {
                    ps.setLong(1, world.groupOf(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        keys.add(rs.getString(1));
                    }
                }
            }
        }
        boolean page = pageAnswers("/cards/" + keys.get(0));
        String what = page ? "card page GET /cards/{key}" : "card GET /api/v1/cards/{key}";
        if (!page) {
            notes.add("3: no card page answered `GET /cards/{key}` with 200 in this build (card pages not landed), "
                    + "so the overhead is measured on the API's card GET, which records and publishes the same "
                    + "request-log entry.");
        }
        int conns = 8;
        List<Double> thr = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        List<Double> off = new ArrayList<>();
        // The web without logging has served nothing yet: both get the same JIT warm-up before anything counts.
        log("3. warming up both webs");
        for (Apps.App app : List.of(web, webNoLog)) {
            Load.run(conns, Duration.ZERO, window.multipliedBy(2), t -> get(app, path(page, keys, t), t, page));
        }
        for (int r = 0; r < reps; r++) {
            log("3. request log on/off, repetition " + (r + 1));
            // alternate which side goes first, so that a drift of the machine's load falls on both
            boolean onFirst = r % 2 == 0;
            Load.Result first = Load.run(conns, warmup, window,
                    t -> get(onFirst ? web : webNoLog, path(page, keys, t), t, page));
            Load.Result second = Load.run(conns, warmup, window,
                    t -> get(onFirst ? webNoLog : web, path(page, keys, t), t, page));
            Load.Result a = onFirst ? first : second;
            Load.Result b = onFirst ? second : first;
            check(a, "3 (on)");
            check(b, "3 (off)");
            on.add(a.rate());
            off.add(b.rate());
            thr.add(a.rate() / b.rate());
            p50.add(a.p(50) / b.p(50));
        }
        rows.add(new Row("3", what + ", " + conns + " conn, request log on (req/s)", num(on), range(on), "", ""));
        rows.add(new Row("3", what + ", " + conns + " conn, request log off (req/s)", num(off), range(off), "", ""));
        rows.add(new Row("3", "Request log on ÷ off: throughput", ratioText(thr), range(thr), "≥ 0.95",
                verdict(Stats.median(thr) >= 0.95)));
        rows.add(new Row("3", "Request log on ÷ off: p50 latency", ratioText(p50), range(p50), "≤ 1.05",
                verdict(Stats.median(p50) <= 1.05)));
    }

    private static String path(boolean page, List<String> keys, int t) {
        return (page ? "/cards/" : "/api/v1/cards/") + keys.get(t % keys.size());
    }

    // ---- 4. worker drain ---------------------------------------------------------------------------------------

    private void drain() throws Exception {
        List<Double> sphere = new ArrayList<>();
        List<Double> consume = new ArrayList<>();
        List<Double> insert = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        List<Double> publish = new ArrayList<>();
        ConnectionFactory f = brokerFactory();
        for (int r = 0; r < reps; r++) {
            log("4. worker drain, repetition " + (r + 1) + " (" + drainMessages + " entries)");
            apps.stop(worker);
            purgeQueues();
            Instant base = Instant.now().minus(2, ChronoUnit.DAYS).minus(r * 3L, ChronoUnit.HOURS)
                    .truncatedTo(ChronoUnit.SECONDS);
            try (com.rabbitmq.client.Connection conn = f.newConnection("sphere-bench")) {
                Channel ch = conn.createChannel();
                declare(ch);
                long t0 = System.nanoTime();
                publish(ch, base.minus(1, ChronoUnit.HOURS));
                publish.add(drainMessages / ((System.nanoTime() - t0) / 1e9));
                consume.add(rawConsume(conn));
            }
            insert.add(rawInsert(base.minus(2, ChronoUnit.HOURS)));
            try (com.rabbitmq.client.Connection conn = f.newConnection("sphere-bench")) {
                Channel ch = conn.createChannel();
                publish(ch, base);
            }
            worker = apps.start("sphere-worker", "worker", Map.of(), "/q/health/ready");
            sphere.add(timeDrain(base));
            ratio.add(sphere.get(r) / Math.min(consume.get(r), insert.get(r)));
        }
        rows.add(new Row("4", "Worker drain: entries persisted per second", num(sphere), range(sphere), "", ""));
        rows.add(new Row("4", "Raw AMQP consume of the same queue (msg/s)", num(consume), range(consume), "", ""));
        rows.add(new Row("4", "Raw JDBC batched INSERT into request_log (rows/s)", num(insert), range(insert), "",
                ""));
        rows.add(new Row("4", "Drain ÷ min(raw consume, raw insert)", ratioText(ratio), range(ratio), "≥ 0.50",
                verdict(Stats.median(ratio) >= 0.50)));
        notes.add(String.format(Locale.ROOT, "4: %d entries per repetition; raw publish with confirms ran at %s "
                + "msg/s (not a target).", drainMessages, num(publish)));
    }

    private void declare(Channel ch) throws IOException {
        String dlx = instance + ".dead-letter";
        String q = instance + ".request-log";
        ch.exchangeDeclare(dlx, "direct", true);
        ch.queueDeclare(q + ".dead", true, false, false, Map.of());
        ch.queueBind(q + ".dead", dlx, q);
        ch.exchangeDeclare(q, "direct", true);
        ch.queueDeclare(q, true, false, false, Map.of("x-dead-letter-exchange", dlx));
        ch.queueBind(q, q, q);
    }

    /** Persistent messages in the web's format, publisher-confirmed every 500 like the web publishes them. */
    private void publish(Channel ch, Instant base) throws Exception {
        ch.confirmSelect();
        AMQP.BasicProperties props = MessageProperties.PERSISTENT_BASIC.builder().contentType("application/json")
                .build();
        String q = instance + ".request-log";
        for (int i = 0; i < drainMessages; i++) {
            String body = "{\"schema\":1,\"requestId\":\"" + UUID.randomUUID() + "\",\"loggedAt\":\""
                    + base.plusNanos(i * 1000L) + "\",\"userId\":" + world.operatorIds.get(i % World.OPERATORS)
                    + ",\"userEmail\":\"bench-operator@example.com\",\"clientIp\":\"127.0.0.1\",\"method\":\"GET\","
                    + "\"path\":\"/api/v1/cards/BKA-" + i + "\",\"query\":null,\"status\":200,"
                    + "\"durationMicros\":1234,\"responseBytes\":2345,\"userAgent\":\"sphere-bench\"}";
            ch.basicPublish(q, q, props, body.getBytes(StandardCharsets.UTF_8));
            if (i % 500 == 499) {
                ch.waitForConfirmsOrDie(30_000);
            }
        }
        ch.waitForConfirmsOrDie(30_000);
    }

    /** Consumes everything in the queue with the worker's prefetch, acknowledging every 500 (multiple). */
    private double rawConsume(com.rabbitmq.client.Connection conn) throws Exception {
        Channel ch = conn.createChannel();
        ch.basicQos(1000);
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong seen = new AtomicLong();
        long t0 = System.nanoTime();
        ch.basicConsume(instance + ".request-log", false, new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body)
                    throws IOException {
                long n = seen.incrementAndGet();
                if (n % 500 == 0 || n == drainMessages) {
                    getChannel().basicAck(env.getDeliveryTag(), true);
                }
                if (n == drainMessages) {
                    done.countDown();
                }
            }
        });
        if (!done.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("raw consume got " + seen.get() + " of " + drainMessages);
        }
        double rate = drainMessages / ((System.nanoTime() - t0) / 1e9);
        ch.close();
        return rate;
    }

    /** The worker's own INSERT statement, 500 rows a batch, one transaction per batch. */
    private double rawInsert(Instant base) throws SQLException {
        try (Connection c = world.connect()) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO request_log (request_id, logged_at, user_id, user_email, client_ip, method, path, query,
                                             status, duration_micros, response_bytes, user_agent)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (request_id, logged_at) DO NOTHING""")) {
                for (int i = 0; i < drainMessages; i++) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setTimestamp(2, Timestamp.from(base.plusNanos(i * 1000L)));
                    ps.setLong(3, world.operatorIds.get(i % World.OPERATORS));
                    ps.setString(4, "bench-operator@example.com");
                    ps.setString(5, "127.0.0.1");
                    ps.setString(6, "GET");
                    ps.setString(7, "/api/v1/cards/BKA-" + i);
                    ps.setString(8, null);
                    ps.setInt(9, 200);
                    ps.setLong(10, 1234);
                    ps.setLong(11, 2345);
                    ps.setString(12, "sphere-bench");
                    ps.addBatch();
                    if (i % 500 == 499 || i == drainMessages - 1) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            return drainMessages / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** From the first stored entry of this batch to the last: entries per second the worker persisted. */
    private double timeDrain(Instant base) throws Exception {
        try (Connection c = world.connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM request_log WHERE logged_at >= ? AND logged_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(base));
            ps.setTimestamp(2, Timestamp.from(base.plusSeconds(1)));
            long first = -1;
            long firstAt = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
            while (System.nanoTime() < deadline) {
                long n;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n = rs.getLong(1);
                }
                long now = System.nanoTime();
                if (first < 0 && n > 0) {
                    first = n;
                    firstAt = now;
                }
                if (n >= drainMessages) {
                    return (n - first) / ((now - firstAt) / 1e9);
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("the worker did not store " + drainMessages + " entries in 10 minutes");
        }
    }

    // ---- 5. audit storage --------------------------------------------------------------------------------------

    private void auditStorage() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = world.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT relname FROM pg_class WHERE relkind = 'r' AND relname LIKE 'audit%' AND relnamespace = "
                                + "'public'::regnamespace ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        rows.add(new Row("5", "Lifecycle rate with audit on ÷ off", "n/a", "", "≥ 0.90",
                tables.isEmpty() ? "n/a: audit not landed" : "n/a: no audit on/off switch known to the bench"));
        if (tables.isEmpty()) {
            rows.add(new Row("5", "Audit storage per lifecycle (create + 3 edits + 2 transitions)", "n/a", "",
                    "reported", "n/a: audit not landed"));
            return;
        }
        log("5. audit storage, " + auditLifecycles + " lifecycles");
        long before = auditBytes(tables);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = world.tokens.get(0);
        for (int i = 0; i < auditLifecycles; i++) {
            HttpResponse<String> r = client.send(json(web.uri("/api/v1/cards"), token, """
                    {"type":"BKA","title":"Audit %d","values":{"summary":"first","amount":1,"category":"a"},\
                    "candidateGroupId":%d}""".formatted(i, world.groupOf(0))), HttpResponse.BodyHandlers.ofString());
            expect(r, 201);
            String loc = r.headers().firstValue("Location").orElseThrow();
            String key = loc.substring(loc.lastIndexOf('/') + 1);
            long v = version(r.body());
            for (int e = 1; e <= 3; e++) {
                r = client.send(put(web.uri("/api/v1/cards/" + key), token, """
                        {"version":%d,"title":"Audit %d edit %d","values":{"summary":"edit %d","amount":%d}}"""
                        .formatted(v, i, e, e, e + 1)), HttpResponse.BodyHandlers.ofString());
                expect(r, 200);
                v = version(r.body());
            }
            for (String t : List.of("start", "submit")) {
                r = client.send(json(web.uri("/api/v1/cards/" + key + "/transitions"), token,
                        "{\"transition\":\"" + t + "\",\"version\":" + v + "}"), HttpResponse.BodyHandlers.ofString());
                expect(r, 200);
                v = version(r.body());
            }
        }
        // Let the relay and the worker move everything to its final table.
        long after = auditBytes(tables);
        for (int i = 0; i < 30; i++) {
            Thread.sleep(1000);
            long now = auditBytes(tables);
            if (now == after && i > 3) {
                break;
            }
            after = now;
        }
        double perLifecycle = (after - before) / (double) auditLifecycles;
        rows.add(new Row("5", "Audit storage per lifecycle (create + 3 edits + 2 transitions)",
                String.format(Locale.ROOT, "%.0f B", perLifecycle), "", "reported", "reported"));
        notes.add("5: growth of pg_total_relation_size over " + String.join(", ", tables) + " (tables, indexes, "
                + "TOAST) across " + auditLifecycles + " lifecycles, after the relay settled.");
    }

    private long auditBytes(List<String> tables) throws SQLException {
        long sum = 0;
        try (Connection c = world.connect(); Statement st = c.createStatement()) {
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT pg_total_relation_size('public.\"" + t + "\"')")) {
                    rs.next();
                    sum += rs.getLong(1);
                }
            }
        }
        return sum;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Load.Op get(Apps.App app, String path, int t, boolean page) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int op = t % World.OPERATORS;
        HttpRequest.Builder b = HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30));
        if (page) {
            b.header("Cookie", "sphere_session=" + world.sessions.get(op));
        } else {
            b.header("Authorization", "Bearer " + world.tokens.get(op));
        }
        HttpRequest request = b.build();
        return () -> {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + r.statusCode());
            }
        };
    }

    private boolean pageAnswers(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(web.uri(path))
                .header("Cookie", "sphere_session=" + world.sessions.get(0)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 && r.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
    }

    private static HttpRequest json(URI uri, String token, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest put(URI uri, String token, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + ": " + r.statusCode() + " "
                    + r.body());
        }
    }

    private static long version(String body) {
        Matcher m = VERSION.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no version in " + body);
        }
        return Long.parseLong(m.group(1));
    }

    private void check(Load.Result r, String what) {
        if (r.errors() > 0) {
            notes.add(what + ": " + r.errors() + " failed requests, first: " + r.firstError());
        }
        if (r.ops() == 0) {
            throw new IllegalStateException(what + ": no request succeeded; first error: " + r.firstError());
        }
    }

    private ConnectionFactory brokerFactory() {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(5672);
        f.setUsername("guest");
        f.setPassword("guest");
        return f;
    }

    private void purgeQueues() throws Exception {
        try (com.rabbitmq.client.Connection conn = brokerFactory().newConnection("sphere-bench")) {
            for (String q : List.of(instance + ".request-log", instance + ".request-log.dead")) {
                try (Channel ch = conn.createChannel()) {
                    ch.queueDeclarePassive(q);
                    ch.queuePurge(q);
                } catch (IOException absent) {
                    // declared by the applications when they start
                }
            }
        }
    }

    /** Whether a step expected to take {@code seconds} still fits in the time left (the report needs ~30 s). */
    private boolean inTime(long seconds) {
        boolean ok = (System.nanoTime() - started) / 1_000_000_000L + seconds + 30 < budgetSeconds;
        if (!ok) {
            log("skipping a step that would not fit in the time bound");
        }
        return ok;
    }

    private void log(String message) {
        System.err.printf(Locale.ROOT, "[bench %5.0fs] %s%n", (System.nanoTime() - started) / 1e9, message);
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }

    private static String num(List<Double> v) {
        return String.format(Locale.ROOT, "%.0f", Stats.median(v));
    }

    private static String ms(List<Double> v) {
        return String.format(Locale.ROOT, "%.1f", Stats.median(v));
    }

    private static String ratioText(List<Double> v) {
        return String.format(Locale.ROOT, "%.2f", Stats.median(v));
    }

    private static String range(List<Double> v) {
        double min = Stats.min(v);
        double max = Stats.max(v);
        String fmt = Math.abs(max) >= 100 ? "%.0f" : Math.abs(max) >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, fmt + "–" + fmt + " (±%.0f%%)", min, max, 50 * Stats.spread(v));
    }

    private static String mib(double v) {
        return v < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MB", v);
    }

    // ---- report ------------------------------------------------------------------------------------------------

    private void report() throws Exception {
        String table = table();
        System.out.println();
        System.out.println(table);
        for (String n : notes) {
            System.out.println("- " + n);
        }
        Report.write(out, machine(), table, notes, explains, quick, reps, warmup, window);
        System.out.println();
        System.out.println("Written to " + out);
    }

    private String table() {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[]{"#", "Measurement", "Median", "Range over runs (± half-range)", "Target",
                "Verdict"});
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(Row::id)); // stable: the order within a measurement stays
        for (Row r : sorted) {
            lines.add(new String[]{r.id(), r.what(), r.figure(), r.spread(), r.target(), r.verdict()});
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            sb.append("| ").append(String.join(" | ", lines.get(i))).append(" |\n");
            if (i == 0) {
                sb.append("|---|---|---:|---|---|---|\n");
            }
        }
        return sb.toString();
    }

    private Map<String, String> machine() throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Date (UTC)", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC)
                .format(Instant.now()));
        m.put("CPU", cpuModel() + ", nproc " + Runtime.getRuntime().availableProcessors());
        m.put("Memory", memory());
        m.put("Load average at the end (1/5/15 min)", firstLine("/proc/loadavg"));
        try (Connection c = world.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            m.put("PostgreSQL", rs.getString(1));
        }
        try (com.rabbitmq.client.Connection conn = brokerFactory().newConnection("sphere-bench")) {
            m.put("RabbitMQ", String.valueOf(conn.getServerProperties().get("version")));
        }
        m.put("Java (load generator)", System.getProperty("java.version"));
        m.put("Sphere commit", git());
        m.put("Mode", (quick ? "--quick" : "full") + String.format(Locale.ROOT,
                ", %d repetitions, warm-up %d s, window %d s each", reps, warmup.toSeconds(), window.toSeconds()));
        return m;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            String total = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal")).findFirst().orElse("");
            return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(total.replaceAll("[^0-9]", "")) / 1048576.0);
        } catch (IOException | NumberFormatException e) {
            return "unknown";
        }
    }

    private static String firstLine(String file) {
        try {
            return Files.readAllLines(Path.of(file)).get(0);
        } catch (IOException e) {
            return "unknown";
        }
    }

    private String git() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(root.toFile()).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return s.isEmpty() ? "unknown" : s;
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}

package io.sphere.web.requestlog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.apitoken.ApiTokenService;
import io.sphere.core.messaging.Broker;
import io.sphere.core.requestlog.RequestLogEntry;
import io.sphere.core.security.Actor;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.user.UserService;
import io.sphere.core.user.UserView;
import io.sphere.web.support.QueueReader;
import io.sphere.web.support.TestUsers;
import io.sphere.web.support.WebClient;

/** Every request becomes exactly one persistent message on the installation's request-log queue. */
@QuarkusTest
class RequestLogPublishingTest {

    @Inject
    TestUsers users;

    @Inject
    Broker broker;

    @Inject
    RequestLogPublisher publisher;

    @Inject
    ApiTokenService tokens;

    @Inject
    UserService userService;

    String queue;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        users.superuserAndOperator();
        queue = broker.topology().requestLogQueue();
        await().atMost(Duration.ofSeconds(20)).until(() -> publisher.status().connected());
        QueueReader.purge(queue);
    }

    @Test
    void everyRequestIsPublishedOnceWithItsRequestId() {
        WebClient browser = new WebClient().loggedInAs(TestUsers.OPERATOR, TestUsers.PASSWORD);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Response r = browser.get("/?n=" + i);
            assertThat(r.statusCode()).isEqualTo(200);
            ids.add(r.header("X-Request-Id"));
        }
        Map<UUID, RequestLogEntry> seen = new HashMap<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            QueueReader.drain(queue).forEach(e -> assertThat(seen.put(e.requestId(), e)).isNull());
            assertThat(seen.keySet()).containsAll(ids.stream().map(UUID::fromString).toList());
        });
        RequestLogEntry last = seen.get(UUID.fromString(ids.get(99)));
        assertThat(last.path()).isEqualTo("/");
        assertThat(last.query()).isEqualTo("n=99");
        assertThat(last.method()).isEqualTo("GET");
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.userEmail()).isEqualTo(TestUsers.OPERATOR);
        assertThat(last.userId()).isNotNull();
        assertThat(last.clientIp()).isEqualTo("127.0.0.1");
        assertThat(last.responseBytes()).isPositive();
        assertThat(last.durationMicros()).isPositive();
        assertThat(last.userAgent()).isNotBlank();
    }

    @Test
    void apiCallsWithATokenAreLoggedWithTheirUser() {
        UserView olga = userService.findByEmail(TestUsers.OPERATOR).orElseThrow();
        String token = tokens.create(new Actor(olga.id(), olga.email(), false), "script").token();
        Response r = given().auth().oauth2(token).get("/api/v1/cards?limit=5");
        assertThat(r.statusCode()).isEqualTo(200);
        UUID id = UUID.fromString(r.header("X-Request-Id"));
        Map<UUID, RequestLogEntry> seen = new HashMap<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            QueueReader.drain(queue).forEach(e -> seen.put(e.requestId(), e));
            assertThat(seen).containsKey(id);
        });
        RequestLogEntry entry = seen.get(id);
        assertThat(entry.path()).isEqualTo("/api/v1/cards");
        assertThat(entry.userEmail()).isEqualTo(TestUsers.OPERATOR);
        assertThat(entry.status()).isEqualTo(200);
    }

    @Test
    void loginIsLoggedWithoutThePasswordAndSecretQueryValuesAreMasked() {
        WebClient browser = new WebClient();
        Response login = browser.login(TestUsers.ADMIN, TestUsers.PASSWORD);
        String loginId = login.header("X-Request-Id");
        Response search = browser.get("/?api_token=abc123&password=hunter2&q=visible");
        String searchId = search.header("X-Request-Id");

        Map<UUID, RequestLogEntry> seen = new HashMap<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            QueueReader.drain(queue).forEach(e -> seen.put(e.requestId(), e));
            assertThat(seen).containsKeys(UUID.fromString(loginId), UUID.fromString(searchId));
        });
        RequestLogEntry loginEntry = seen.get(UUID.fromString(loginId));
        assertThat(loginEntry.method()).isEqualTo("POST");
        assertThat(loginEntry.path()).isEqualTo("/login");
        assertThat(loginEntry.status()).isEqualTo(303);
        assertThat(loginEntry.query()).isNull();
        assertThat(loginEntry.userEmail()).as("a successful login is logged under the person").isEqualTo(
                TestUsers.ADMIN);
        assertThat(seen.get(UUID.fromString(searchId)).query()).isEqualTo("api_token=***&password=***&q=visible");
    }

    @Test
    void staticFilesAndHealthChecksAreNotLoggedButStillGetARequestId() {
        Response css = new WebClient().get("/lib/static/sphere.css");
        Response health = new WebClient().get("/q/health/ready");
        Response page = new WebClient().get("/login");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(css.header("X-Request-Id")).isNotBlank();

        List<RequestLogEntry> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            seen.addAll(QueueReader.drain(queue));
            assertThat(seen).extracting(e -> e.requestId().toString()).contains(page.header("X-Request-Id"));
        });
        assertThat(seen).extracting(RequestLogEntry::path).doesNotContain("/lib/static/sphere.css", "/q/health/ready");
    }

    @Test
    void clientAddressComesFromXForwardedForWhenTheProxyIsTrusted() {
        // the test client connects from 127.0.0.1, which is the configured trusted proxy (nginx on the same host)
        Response r = io.restassured.RestAssured.given().redirects().follow(false)
                .header("X-Forwarded-For", "203.0.113.7").get("/login");
        String id = r.header("X-Request-Id");
        Map<UUID, RequestLogEntry> seen = new HashMap<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            QueueReader.drain(queue).forEach(e -> seen.put(e.requestId(), e));
            assertThat(seen).containsKey(UUID.fromString(id));
        });
        assertThat(seen.get(UUID.fromString(id)).clientIp()).isEqualTo("203.0.113.7");
    }

    @Test
    void requestsCloseTogetherShareMessages() throws Exception {
        int clients = 8;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        ids.add(UUID.fromString(new WebClient().get("/login").header("X-Request-Id")));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Set<UUID> arrived = new HashSet<>();
        List<Integer> messageSizes = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (List<RequestLogEntry> message : QueueReader.drainMessages(queue)) {
                messageSizes.add(message.size());
                message.forEach(e -> assertThat(arrived.add(e.requestId())).as("published twice").isTrue());
            }
            assertThat(arrived).containsAll(ids);
        });
        // Eight clients at once: the publisher's linger lets the entries of a moment travel together.
        assertThat(messageSizes.size()).as("messages for %d entries: %s", arrived.size(), messageSizes)
                .isLessThan(arrived.size());
        assertThat(messageSizes).allSatisfy(n -> assertThat(n).isBetween(1, 50));
    }

    @Test
    void requestIdsAreUniqueAndTimeOrdered() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(UUID.fromString(new WebClient().get("/login").header("X-Request-Id")));
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        assertThat(ids.get(49).getMostSignificantBits() >>> 16).isGreaterThanOrEqualTo(ids.get(0)
                .getMostSignificantBits() >>> 16);
    }
}

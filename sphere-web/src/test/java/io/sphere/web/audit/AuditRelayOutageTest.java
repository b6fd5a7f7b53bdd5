package io.sphere.web.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.sphere.core.audit.AuditEvent;
import io.sphere.core.audit.AuditOutbox;
import io.sphere.core.audit.AuditStore;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.api.ApiWorld;
import io.sphere.web.support.AuditBrokerBehindProxy;
import io.sphere.web.support.AuditPipeline;

/**
 * RabbitMQ is cut off while 1,000 edits are made by four clients at once: every edit succeeds for its user, the events wait in the outbox,
 * and once the broker is back every one of them is relayed, each once, and stored as exactly one row per edit.
 */
@QuarkusTest
@QuarkusTestResource(value = AuditBrokerBehindProxy.class, restrictToAnnotatedClass = true)
class AuditRelayOutageTest {

    static final int EDITS = 1000;
    static final int CLIENTS = 4;

    @Inject
    ApiWorld world;
    @Inject
    AuditPipeline pipeline;
    @Inject
    AuditRelay relay;
    @Inject
    AuditOutbox outbox;
    @Inject
    AuditStore store;

    @BeforeEach
    void setUp() throws Exception {
        AuditBrokerBehindProxy.proxy().restore();
        TestDatabase.clean();
        await().atMost(Duration.ofSeconds(20)).until(() -> relay.status().connected());
        pipeline.purge();
        world.build();
    }

    @AfterEach
    void restoreBroker() throws Exception {
        AuditBrokerBehindProxy.proxy().restore();
    }

    @Test
    void everyEditSucceedsDuringAnOutageAndEachIsStoredOnceAfterIt() throws Exception {
        String token = world.token(world.operator);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Response created = as(token).body(Map.of("type", "REQ", "title", "Counter " + i)).post("/api/v1/cards");
            assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
            keys.add(created.path("key"));
        }
        long warmUp = edits(token, keys, 0, 10, ConcurrentHashMap.newKeySet());

        AuditBrokerBehindProxy.proxy().cut();
        Set<UUID> requestIds = ConcurrentHashMap.newKeySet();
        long started = System.nanoTime();
        long during = edits(token, keys, 10, EDITS / CLIENTS, requestIds);
        long outageMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(requestIds).hasSize(EDITS);
        await().atMost(Duration.ofSeconds(20)).until(() -> !relay.status().connected());
        assertThat(outbox.backlog().rows()).as("the events wait in the outbox").isPositive();

        AuditBrokerBehindProxy.proxy().restore();
        List<AuditEvent> events = pipeline.drain();
        List<AuditEvent> edits = events.stream()
                .filter(e -> e.requestId() != null && requestIds.contains(e.requestId())).toList();
        assertThat(edits).hasSize(EDITS);
        assertThat(edits.stream().map(AuditEvent::eventId).distinct().count()).isEqualTo(EDITS);
        assertThat(edits.stream().map(AuditEvent::requestId).distinct().count()).isEqualTo(EDITS);

        // Delivery is at least once: a message whose confirm was lost in the cut is sent again, and the store
        // keeps each event once.
        long distinct = events.stream().map(AuditEvent::eventId).distinct().count();
        assertThat(store.store(events)).isEqualTo(distinct);
        assertThat(store.store(events)).as("stored twice, kept once").isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'CARD_UPDATED'"))
                .isEqualTo(EDITS + 10L * CLIENTS);
        for (String key : keys) {
            assertThat(TestDatabase.count("SELECT count(DISTINCT card_version) FROM audit_event WHERE card_key = ?",
                    key)).as("one event per version of " + key + ", creation included")
                    .isEqualTo(1 + 10 + EDITS / CLIENTS);
        }
        System.out.printf("Audit outage: %d edits by %d clients in %d ms while cut off; mean per edit %.1f ms with"
                + " the broker up, %.1f ms with it cut off%n", EDITS, CLIENTS, outageMillis,
                warmUp / (10.0 * CLIENTS) / 1_000_000, during / (double) EDITS / 1_000_000);
    }

    /**
     * Each client edits its own card {@code count} times from version {@code from}; every edit must succeed.
     *
     * @return the nanoseconds the edits took, summed over the clients
     */
    private static long edits(String token, List<String> keys, int from, int count, Set<UUID> requestIds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(keys.size());
        try {
            List<Future<Long>> clients = new ArrayList<>();
            for (String key : keys) {
                clients.add(pool.submit(() -> {
                    long total = 0;
                    for (int i = from; i < from + count; i++) {
                        long t0 = System.nanoTime();
                        Response r = as(token).body(Map.of("version", i, "title", "Counter " + i, "values",
                                Map.of("count", i % 1000))).put("/api/v1/cards/" + key);
                        total += System.nanoTime() - t0;
                        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
                        requestIds.add(UUID.fromString(r.header("X-Request-Id")));
                    }
                    return total;
                }));
            }
            long total = 0;
            for (Future<Long> f : clients) {
                total += f.get(5, TimeUnit.MINUTES);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }
}

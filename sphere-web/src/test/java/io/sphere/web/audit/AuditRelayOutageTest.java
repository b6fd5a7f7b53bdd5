package io.sphere.web.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
 * RabbitMQ is cut off while 1,000 edits are made: every edit succeeds for its user, the events wait in the outbox,
 * and once the broker is back every one of them is relayed, each once, and stored as exactly one row per edit.
 */
@QuarkusTest
@QuarkusTestResource(value = AuditBrokerBehindProxy.class, restrictToAnnotatedClass = true)
class AuditRelayOutageTest {

    static final int EDITS = 1000;

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
        Response created = as(token).body(Map.of("type", "REQ", "title", "Counter")).post("/api/v1/cards");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String key = created.path("key");
        long version = ((Number) created.path("version")).longValue();
        long before = timedEdits(token, key, version, 50, new HashSet<>());
        version += 50;

        AuditBrokerBehindProxy.proxy().cut();
        Set<UUID> requestIds = new HashSet<>();
        long started = System.nanoTime();
        long during = timedEdits(token, key, version, EDITS, requestIds);
        long outageMillis = (System.nanoTime() - started) / 1_000_000;
        await().atMost(Duration.ofSeconds(20)).until(() -> !relay.status().connected());
        assertThat(outbox.backlog().rows()).as("the events wait in the outbox").isGreaterThanOrEqualTo(1);

        AuditBrokerBehindProxy.proxy().restore();
        List<AuditEvent> events = pipeline.drain();
        List<AuditEvent> edits = new ArrayList<>();
        for (AuditEvent e : events) {
            if (e.requestId() != null && requestIds.contains(e.requestId())) {
                edits.add(e);
            }
        }
        assertThat(edits).hasSize(EDITS);
        assertThat(edits.stream().map(AuditEvent::eventId).distinct().count()).isEqualTo(EDITS);
        assertThat(edits.stream().map(AuditEvent::requestId).distinct().count()).isEqualTo(EDITS);

        assertThat(store.store(events)).isEqualTo(events.size());
        assertThat(store.store(events)).as("stored twice, kept once").isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE card_key = ? AND action = 'CARD_UPDATED'",
                key)).isEqualTo(50 + EDITS);
        assertThat(TestDatabase.count("SELECT count(DISTINCT card_version) FROM audit_event WHERE card_key = ?", key))
                .as("one event per version, create included").isEqualTo(51 + EDITS);
        System.out.printf("Audit outage: %d edits in %d ms while cut off; mean per edit %.2f ms with the broker up,"
                + " %.2f ms with it cut off%n", EDITS, outageMillis, before / 50.0 / 1_000_000,
                during / (double) EDITS / 1_000_000);
    }

    /** Edits the card {@code count} times, each must succeed; returns the nanoseconds spent. */
    private static long timedEdits(String token, String key, long version, int count, Set<UUID> requestIds) {
        long total = 0;
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            Response r = as(token).body(Map.of("version", version + i, "title", "Counter " + i, "values",
                    Map.of("count", i % 1000))).put("/api/v1/cards/" + key);
            total += System.nanoTime() - t0;
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
            requestIds.add(UUID.fromString(r.header("X-Request-Id")));
        }
        return total;
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }
}

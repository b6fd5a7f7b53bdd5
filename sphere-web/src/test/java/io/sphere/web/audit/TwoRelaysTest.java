package io.sphere.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.audit.AuditAction;
import io.sphere.core.audit.AuditCodec;
import io.sphere.core.audit.AuditEvent;
import io.sphere.core.audit.AuditOutbox;
import io.sphere.core.audit.AuditTrail;
import io.sphere.core.messaging.Broker;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.support.AuditPipeline;

/**
 * Three relays on one outbox, as three web processes would run them: every event reaches the queue exactly once,
 * because each relay claims rows with FOR UPDATE SKIP LOCKED and deletes them in the same transaction.
 */
@QuarkusTest
class TwoRelaysTest {

    static final int EVENTS = 3000;

    @Inject
    AuditPipeline pipeline;
    @Inject
    AuditTrail trail;
    @Inject
    AuditOutbox outbox;
    @Inject
    AuditRelay relay;
    @Inject
    Broker broker;
    @Inject
    AuditRelayConfig config;

    private final List<OutboxRelay> others = new ArrayList<>();

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        pipeline.purge();
    }

    @AfterEach
    void stopOthers() {
        others.forEach(OutboxRelay::stop);
    }

    @Test
    void eachEventIsPublishedOnceWhenSeveralRelaysShareTheOutbox() {
        long publishedBefore = relay.status().published();
        Set<UUID> recorded = new HashSet<>();
        // One transaction: all rows appear at once, and every relay finds work at the same moment.
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < EVENTS; i++) {
                recorded.add(trail.security(null, "load@example.com", AuditAction.LOGIN_FAILED, Map.of("n",
                        String.valueOf(i))));
            }
        });
        for (int i = 0; i < 2; i++) {
            OutboxRelay other = new OutboxRelay("test-relay-" + i, broker, outbox, config);
            others.add(other);
            other.start();
        }
        List<AuditEvent> events = pipeline.drain();

        assertThat(events).hasSize(EVENTS);
        assertThat(events.stream().map(AuditEvent::eventId).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(recorded);
        long mine = relay.status().published() - publishedBefore;
        long theirs = others.stream().mapToLong(r -> r.status().published()).sum();
        assertThat(mine + theirs).isEqualTo(EVENTS);
        // Several events to a message (50 by default): far fewer messages than events, however the relays split them.
        assertThat(pipeline.messagesDrained()).isBetween(EVENTS / 50, EVENTS / 5);
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.backlog().rows() == 0);
        System.out.printf("Relays on one outbox: this process's relay sent %d, the others %s%n", mine,
                others.stream().map(r -> String.valueOf(r.status().published())).toList());
        assertThat(others.stream().filter(r -> r.status().published() > 0).count() + (mine > 0 ? 1 : 0))
                .as("more than one relay took part").isGreaterThan(1);
    }

    /**
     * A relay's rounds start above the highest id it sent. Ids are taken at insert and transactions commit in any
     * order, so a row can appear below that cursor after the rows above it went out: the relay's scans from the lowest
     * id (every second, and after a round that found nothing) must still send it.
     */
    @Test
    void anEventThatCommitsAfterLaterOnesStillGoesOut() throws Exception {
        AuditEvent late = new AuditEvent(AuditEvent.SCHEMA, UUID.randomUUID(), Instant.now().truncatedTo(
                ChronoUnit.MICROS), AuditAction.LOGIN_FAILED.name(), null, "late@example.com", null, null, null, null,
                null, List.of(), Map.of("n", "late"));
        Set<UUID> early = new HashSet<>();
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_outbox (event_id, occurred_at, payload) "
                    + "VALUES (?, ?, ?)")) {
                ps.setObject(1, late.eventId());
                ps.setTimestamp(2, Timestamp.from(late.occurredAt()));
                ps.setString(3, AuditCodec.encodeText(late));
                ps.executeUpdate();
            }
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < 5; i++) {
                    early.add(trail.security(null, "early@example.com", AuditAction.LOGIN_FAILED, Map.of("n",
                            String.valueOf(i))));
                }
            });
            assertThat(pipeline.drain()).extracting(AuditEvent::eventId).containsExactlyInAnyOrderElementsOf(early);
            c.commit();
        }

        assertThat(pipeline.drain()).containsExactly(late);
    }
}

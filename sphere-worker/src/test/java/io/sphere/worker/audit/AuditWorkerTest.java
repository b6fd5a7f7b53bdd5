package io.sphere.worker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.audit.AuditChange;
import io.sphere.core.audit.AuditCodec;
import io.sphere.core.audit.AuditEvent;
import io.sphere.core.messaging.Broker;
import io.sphere.core.messaging.JsonBatch;
import io.sphere.core.messaging.Topology;
import io.sphere.core.testing.TestDatabase;

/** The running worker's audit consumer against the real RabbitMQ and PostgreSQL, fed the way the relay feeds it. */
@QuarkusTest
class AuditWorkerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Broker broker;

    private Topology topology;
    private Connection connection;
    private Channel channel;

    @BeforeEach
    void connect() throws Exception {
        TestDatabase.clean();
        topology = broker.topology();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setAutomaticRecoveryEnabled(false);
        connection = factory.newConnection("sphere-worker-audit-test");
        channel = connection.createChannel();
        topology.declareAudit(channel);
        channel.queuePurge(topology.auditQueue());
        channel.queuePurge(topology.auditDeadQueue());
    }

    @AfterEach
    void disconnect() throws IOException, TimeoutException {
        connection.close();
    }

    @Test
    void storesEveryEventOnceEvenWhenDeliveredTwice() throws Exception {
        AuditEvent twice = event("CARD_UPDATED", Instant.now());
        publish(AuditCodec.encode(twice));
        publish(AuditCodec.encode(twice));
        for (int i = 0; i < 300; i++) {
            publish(AuditCodec.encode(event("CARD_UPDATED", Instant.now())));
        }

        await().atMost(PATIENCE).until(() -> rows() == 301);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> rows() == 301);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE event_id = ?", twice.eventId()))
                .isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE fields = ARRAY['count']"))
                .isEqualTo(301);
        await().atMost(PATIENCE).until(() -> ready(topology.auditQueue()) == 0);
        assertThat(ready(topology.auditDeadQueue())).isZero();
    }

    @Test
    void malformedAndRefusedEventsGoToTheDeadLetterQueueAndTheConsumerCarriesOn() throws Exception {
        publish("{not json".getBytes(StandardCharsets.UTF_8));
        publish("{\"schema\":99}".getBytes(StandardCharsets.UTF_8));
        // PostgreSQL refuses a NUL character in jsonb: a fault of this one event, not of the database.
        AuditEvent refused = new AuditEvent(AuditEvent.SCHEMA, UUID.randomUUID(), now(), "CARD_COMMENTED", 1L,
                "a@example.com", 1L, "REQ-1", 1L, 1L, null, List.of(), Map.of("text", "bad \u0000 byte"));
        publish(AuditCodec.encode(refused));
        AuditEvent good = event("CARD_CREATED", Instant.now());
        publish(AuditCodec.encode(good));

        await().atMost(PATIENCE).until(() -> ready(topology.auditDeadQueue()) == 3);
        await().atMost(PATIENCE).until(() -> rows() == 1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE event_id = ?", good.eventId()))
                .isEqualTo(1);
        AuditEvent after = event("CARD_UPDATED", Instant.now());
        publish(AuditCodec.encode(after));
        await().atMost(PATIENCE).until(() -> rows() == 2);
        assertThat(ready(topology.auditDeadQueue())).isEqualTo(3);
    }

    @Test
    void eventsPackedIntoOneMessageAreStoredAndARefusedOneCostsOnlyItself() throws Exception {
        List<AuditEvent> good = List.of(event("CARD_CREATED", Instant.now()), event("CARD_UPDATED", Instant.now()),
                event("CARD_TRANSITIONED", Instant.now()));
        publish(JsonBatch.join(good.stream().map(AuditCodec::encode).toList()));
        await().atMost(PATIENCE).until(() -> rows() == 3);

        AuditEvent refused = new AuditEvent(AuditEvent.SCHEMA, UUID.randomUUID(), now(), "CARD_COMMENTED", 1L,
                "a@example.com", 1L, "REQ-1", 1L, 1L, null, List.of(), Map.of("text", "bad \u0000 byte"));
        AuditEvent besideIt = event("CARD_UPDATED", Instant.now());
        publish(JsonBatch.join(List.of(AuditCodec.encode(besideIt), AuditCodec.encode(refused))));

        // Tried again once on redelivery, then dead-lettered whole; the good event beside it is stored once.
        await().atMost(PATIENCE).until(() -> ready(topology.auditDeadQueue()) == 1);
        assertThat(rows()).isEqualTo(4);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE event_id = ?", besideIt.eventId()))
                .isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE event_id = ?", refused.eventId()))
                .isZero();
    }

    @Test
    void anEventFromAMonthWithoutPartitionGetsOne() throws Exception {
        AuditEvent old = event("CARD_UPDATED", Instant.parse("2021-07-04T10:00:00Z"));
        publish(AuditCodec.encode(old));
        await().atMost(PATIENCE).until(() -> rows() == 1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event_2021_07")).isEqualTo(1);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static AuditEvent event(String action, Instant at) {
        return new AuditEvent(AuditEvent.SCHEMA, UUID.randomUUID(), at.truncatedTo(ChronoUnit.MICROS), action, 1L,
                "operator@example.com", 7L, "REQ-7", 3L, 2L, UUID.randomUUID(), List.of(new AuditChange("count",
                        "NUMBER", JsonNodeFactory.instance.numberNode(1), JsonNodeFactory.instance.numberNode(2))),
                Map.of());
    }

    private void publish(byte[] body) throws IOException {
        channel.basicPublish(topology.auditExchange(), topology.auditRoutingKey(), MessageProperties.PERSISTENT_BASIC,
                body);
    }

    private int ready(String queue) throws IOException {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }

    private static long rows() {
        return TestDatabase.count("SELECT count(*) FROM audit_event");
    }
}

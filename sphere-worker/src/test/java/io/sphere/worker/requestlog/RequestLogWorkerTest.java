package io.sphere.worker.requestlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.messaging.Broker;
import io.sphere.core.messaging.JsonBatch;
import io.sphere.core.messaging.Topology;
import io.sphere.core.requestlog.RequestLogCodec;
import io.sphere.core.requestlog.RequestLogEntry;
import io.sphere.core.testing.TestDatabase;

/** The running worker against the real RabbitMQ and PostgreSQL, fed the way sphere-web feeds it. */
@QuarkusTest
class RequestLogWorkerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Broker broker;
    @Inject
    MeterRegistry registry;

    private Topology topology;
    private Connection connection;
    private Channel channel;

    @BeforeEach
    void connect() throws Exception {
        TestDatabase.clean();
        topology = broker.topology();
        connection = Rabbit.connect();
        channel = connection.createChannel();
        Rabbit.reset(channel, topology);
    }

    @AfterEach
    void disconnect() throws Exception {
        connection.close();
    }

    @Test
    void storesEveryPublishedEntryOnce() throws Exception {
        for (int i = 0; i < 1000; i++) {
            Rabbit.publish(channel, topology, Rabbit.entry("/cards/" + i));
        }

        await().atMost(PATIENCE).until(() -> rows() == 1000);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> rows() == 1000);
        assertThat(TestDatabase.count("SELECT count(DISTINCT request_id) FROM request_log")).isEqualTo(1000);
        assertThat(Rabbit.ready(channel, topology.requestLogQueue())).isZero();
        assertThat(Rabbit.ready(channel, topology.requestLogDeadQueue())).isZero();
    }

    @Test
    void redeliveredEntryIsStoredOnce() throws Exception {
        double duplicatesBefore = counter("sphere.requestlog.duplicates");
        RequestLogEntry entry = Rabbit.entry();
        for (int i = 0; i < 3; i++) {
            Rabbit.publish(channel, topology, entry);
        }

        await().atMost(PATIENCE).until(() -> counter("sphere.requestlog.duplicates") - duplicatesBefore == 2);
        assertThat(rows()).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM request_log WHERE request_id = ?", entry.requestId()))
                .isEqualTo(1);
    }

    @Test
    void malformedMessageGoesToDeadLetterQueueAndConsumerCarriesOn() throws Exception {
        RequestLogEntry unknownSchema = new RequestLogEntry(RequestLogEntry.SCHEMA + 98, UUID.randomUUID(),
                Rabbit.entry().loggedAt(), null, null, null, "GET", "/", null, 200, 1, 1, null);
        Rabbit.publish(channel, topology, "{not json".getBytes());
        Rabbit.publish(channel, topology, RequestLogCodec.encode(unknownSchema));

        List<String> dead = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            Rabbit.take(channel, topology.requestLogDeadQueue()).forEach(b -> dead.add(new String(b)));
            return dead.size() == 2;
        });
        assertThat(dead).anyMatch(b -> b.equals("{not json"))
                .anyMatch(b -> b.contains(unknownSchema.requestId().toString()));

        RequestLogEntry valid = Rabbit.entry();
        Rabbit.publish(channel, topology, valid);
        await().atMost(PATIENCE).until(() -> rows() == 1);
        assertThat(TestDatabase.count("SELECT count(*) FROM request_log WHERE request_id = ?", valid.requestId()))
                .isEqualTo(1);
    }

    @Test
    void entryTheDatabaseRefusesIsDeadLetteredAndTheRestOfItsBatchIsStored() throws Exception {
        // PostgreSQL refuses NUL in text although it is valid JSON: a poison entry only the database detects.
        RequestLogEntry poison = Rabbit.entry("/cards/\u0000");
        for (int i = 0; i < 5; i++) {
            Rabbit.publish(channel, topology, Rabbit.entry());
        }
        Rabbit.publish(channel, topology, poison);
        for (int i = 0; i < 5; i++) {
            Rabbit.publish(channel, topology, Rabbit.entry());
        }

        List<byte[]> dead = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            dead.addAll(Rabbit.take(channel, topology.requestLogDeadQueue()));
            return dead.size() == 1 && rows() == 10;
        });
        assertThat(RequestLogCodec.decode(dead.get(0)).requestId()).isEqualTo(poison.requestId());
    }

    @Test
    void storesEveryEntryOfPackedMessagesAndOfSingleOnesAlike() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            bodies.add(RequestLogCodec.encode(Rabbit.entry("/cards/packed-" + i)));
        }
        // 24 messages of 50 entries, as the web packs them, then one message of one entry, as older webs sent.
        for (int from = 0; from < bodies.size(); from += 50) {
            Rabbit.publish(channel, topology, JsonBatch.join(bodies.subList(from, from + 50)));
        }
        Rabbit.publish(channel, topology, Rabbit.entry("/cards/single"));

        await().atMost(PATIENCE).until(() -> rows() == 1201);
        assertThat(TestDatabase.count("SELECT count(DISTINCT request_id) FROM request_log")).isEqualTo(1201);
        assertThat(Rabbit.ready(channel, topology.requestLogQueue())).isZero();
        assertThat(Rabbit.ready(channel, topology.requestLogDeadQueue())).isZero();
    }

    @Test
    void aPackedMessageWithARefusedEntryKeepsItsOtherEntriesAndIsDeadLettered() throws Exception {
        RequestLogEntry poison = Rabbit.entry("/cards/\u0000");
        List<byte[]> packed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            packed.add(RequestLogCodec.encode(Rabbit.entry()));
        }
        packed.add(RequestLogCodec.encode(poison));
        packed.add(RequestLogCodec.encode(Rabbit.entry()));
        Rabbit.publish(channel, topology, Rabbit.entry());
        Rabbit.publish(channel, topology, JsonBatch.join(packed));
        Rabbit.publish(channel, topology, Rabbit.entry());
        // Malformed inside an array: the whole message is unreadable as sent and waits in the dead-letter queue.
        Rabbit.publish(channel, topology,
                ("[" + new String(RequestLogCodec.encode(Rabbit.entry())) + ",{\"schema\":1}]")
                        .getBytes());

        List<byte[]> dead = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            dead.addAll(Rabbit.take(channel, topology.requestLogDeadQueue()));
            return dead.size() == 2 && rows() == 6;
        });
        assertThat(TestDatabase.count("SELECT count(*) FROM request_log WHERE request_id = ?", poison.requestId()))
                .isZero();
        byte[] packedDead = dead.stream().filter(b -> new String(b).contains(poison.requestId().toString()))
                .findFirst().orElseThrow();
        assertThat(RequestLogCodec.decodeAll(packedDead)).extracting(RequestLogEntry::requestId)
                .contains(poison.requestId()).hasSize(5);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> rows() == 6);
    }

    @Test
    void acknowledgesOnlyAfterCommit() throws Exception {
        double storedBefore = counter("sphere.requestlog.stored");
        try (java.sql.Connection db = TestDatabase.connect()) {
            db.setAutoCommit(false);
            try (Statement st = db.createStatement()) {
                // If this test dies, PostgreSQL ends the session and its lock rather than blocking everyone.
                st.execute("SET idle_in_transaction_session_timeout = '60s'");
                st.execute("LOCK TABLE request_log IN ACCESS EXCLUSIVE MODE");
            }
            try {
                for (int i = 0; i < 20; i++) {
                    Rabbit.publish(channel, topology, Rabbit.entry());
                }
                // Delivered to the worker, which cannot commit: all 20 in its hand, none acknowledged.
                await().atMost(PATIENCE).until(() -> Rabbit.ready(channel, topology.requestLogQueue()) == 0
                        && inHand() == 20);
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> inHand() == 20);
                assertThat(counter("sphere.requestlog.stored")).isEqualTo(storedBefore);
            } finally {
                db.rollback();
            }
        }

        await().atMost(PATIENCE).until(() -> rows() == 20 && inHand() == 0);
        assertThat(counter("sphere.requestlog.stored") - storedBefore).isEqualTo(20);
        assertThat(Rabbit.ready(channel, topology.requestLogQueue())).isZero();
        assertThat(Rabbit.ready(channel, topology.requestLogDeadQueue())).isZero();
    }

    private static long rows() {
        return TestDatabase.count("SELECT count(*) FROM request_log");
    }

    private double counter(String name) {
        return registry.get(name).counter().count();
    }

    private double inHand() {
        return registry.get("sphere.requestlog.in_hand").gauge().value();
    }
}

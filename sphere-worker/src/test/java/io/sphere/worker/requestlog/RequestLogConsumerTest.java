package io.sphere.worker.requestlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sphere.core.messaging.Topology;
import io.sphere.core.requestlog.RequestLogEntry;
import io.sphere.worker.messaging.BatchConsumer.Settings;
import io.sphere.worker.messaging.BatchConsumer.State;

/**
 * The consumer on its own, against the real RabbitMQ, with a sink standing in for PostgreSQL so that commits can be
 * held, failed and released at the exact moment a test needs.
 */
class RequestLogConsumerTest {

    private static final Topology TOPOLOGY = new Topology("sphere-test-worker-unit");
    private static final Settings FAST = new Settings(50, Duration.ofMillis(50), Duration.ofMillis(50),
            Duration.ofMillis(200));
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final FakeSink sink = new FakeSink();
    private final AtomicBoolean databaseAnswers = new AtomicBoolean(true);
    private final AtomicReference<Connection> consumerConnection = new AtomicReference<>();
    private final AtomicInteger connectionsOpened = new AtomicInteger();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Connection connection;
    private Channel channel;
    private RequestLogConsumer consumer;

    @BeforeEach
    void connect() throws Exception {
        connection = Rabbit.connect();
        channel = connection.createChannel();
        Rabbit.reset(channel, TOPOLOGY);
    }

    @AfterEach
    void stop() throws Exception {
        if (consumer != null) {
            sink.release();
            consumer.stop(Duration.ofSeconds(10));
        }
        connection.close();
    }

    @AfterAll
    static void removeQueues() throws Exception {
        try (Connection c = Rabbit.connect(); Channel ch = c.createChannel()) {
            ch.queueDelete(TOPOLOGY.requestLogQueue());
            ch.queueDelete(TOPOLOGY.requestLogDeadQueue());
        }
    }

    @Test
    void acknowledgesOnlyAfterCommit() throws Exception {
        List<RequestLogEntry> entries = publish(3);
        sink.holdNextCommit();
        start(workingBroker());
        sink.awaitHeld();
        List<UUID> inFlight = sink.calls.get(0);

        // The worker dies before its commit returns: the broker must still have every entry of that batch.
        consumerConnection.get().abort();
        sink.release();

        await().atMost(PATIENCE).until(() -> sink.offeredAfterFirstCall().containsAll(inFlight));
        await().atMost(PATIENCE).until(() -> sink.stored.size() == 3 && consumer.status().up());
        assertThat(sink.stored).containsExactlyInAnyOrderElementsOf(ids(entries));
        await().atMost(PATIENCE)
                .until(() -> registry.get("sphere.requestlog.duplicates").counter().count() == inFlight.size());
        assertThat(Rabbit.ready(channel, TOPOLOGY.requestLogQueue())).isZero();
    }

    @Test
    void returnsBatchesToTheQueueWhileTheDatabaseIsDownAndStoresThemWhenItIsBack() throws Exception {
        sink.failing.set(true);
        databaseAnswers.set(false);
        start(workingBroker());
        List<RequestLogEntry> entries = publish(4);

        await().atMost(PATIENCE).until(() -> sink.failures.get() >= 3);
        assertThat(consumer.status().state()).isEqualTo(State.DATABASE_UNAVAILABLE);
        assertThat(sink.stored).isEmpty();

        databaseAnswers.set(true);
        sink.failing.set(false);
        await().atMost(PATIENCE).until(() -> sink.stored.size() == 4);
        assertThat(sink.stored).containsExactlyInAnyOrderElementsOf(ids(entries));
        await().atMost(PATIENCE).until(() -> consumer.status().up());
        assertThat(Rabbit.ready(channel, TOPOLOGY.requestLogQueue())).isZero();
        assertThat(Rabbit.ready(channel, TOPOLOGY.requestLogDeadQueue())).isZero();
    }

    @Test
    void stopFinishesAndAcknowledgesTheBatchInHand() throws Exception {
        List<RequestLogEntry> entries = publish(5);
        sink.holdNextCommit();
        start(workingBroker());
        sink.awaitHeld();

        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> consumer.stop(PATIENCE));
        await().pollDelay(Duration.ofMillis(300)).atMost(PATIENCE).until(() -> !stopped.isDone());
        sink.release();

        assertThat(stopped.get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(consumer.status().state()).isEqualTo(State.STOPPED);
        assertThat(sink.stored).containsExactlyInAnyOrderElementsOf(ids(entries));
        // Had anything stayed unacknowledged, closing the channel would have put it back as ready.
        assertThat(Rabbit.ready(channel, TOPOLOGY.requestLogQueue())).isZero();
        assertThat(channel.queueDeclarePassive(TOPOLOGY.requestLogQueue()).getConsumerCount()).isZero();
        assertThat(consumerConnection.get().isOpen()).isFalse();
    }

    @Test
    void reconnectsAfterTheBrokerDropsTheConnection() throws Exception {
        start(workingBroker());
        await().atMost(PATIENCE).until(() -> consumer.status().up());

        consumerConnection.get().abort();
        await().atMost(PATIENCE).until(() -> connectionsOpened.get() == 2 && consumer.status().up());
        List<RequestLogEntry> entries = publish(1);

        await().atMost(PATIENCE).until(() -> sink.stored.containsAll(ids(entries)));
    }

    @Test
    void waitsForAnUnreachableBrokerWithoutGivingUp() throws Exception {
        AtomicInteger refusals = new AtomicInteger();
        start(() -> {
            if (refusals.incrementAndGet() <= 3) {
                throw new IOException("Connection refused");
            }
            return workingBroker().open();
        });
        await().atMost(PATIENCE).until(() -> consumer.status().state() == State.BROKER_UNAVAILABLE);
        assertThat(consumer.status().reason()).contains("Connection refused");

        await().atMost(PATIENCE).until(() -> consumer.status().up());
        List<RequestLogEntry> entries = publish(2);
        await().atMost(PATIENCE).until(() -> sink.stored.containsAll(ids(entries)));
    }

    private RequestLogConsumer.Connections workingBroker() {
        return () -> {
            Connection c = Rabbit.connect();
            consumerConnection.set(c);
            connectionsOpened.incrementAndGet();
            return c;
        };
    }

    private void start(RequestLogConsumer.Connections connections) {
        consumer = new RequestLogConsumer(connections, TOPOLOGY, FAST, sink, databaseAnswers::get, registry);
        consumer.start();
    }

    private List<RequestLogEntry> publish(int count) throws IOException {
        List<RequestLogEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RequestLogEntry e = Rabbit.entry();
            Rabbit.publish(channel, TOPOLOGY, e);
            entries.add(e);
        }
        return entries;
    }

    private static List<UUID> ids(List<RequestLogEntry> entries) {
        return entries.stream().map(RequestLogEntry::requestId).toList();
    }

    /** PostgreSQL's part: idempotent by request id, and able to hold or fail a commit on demand. */
    private static final class FakeSink implements RequestLogConsumer.Sink {

        final Set<UUID> stored = ConcurrentHashMap.newKeySet();
        final List<List<UUID>> calls = new CopyOnWriteArrayList<>();
        final AtomicBoolean failing = new AtomicBoolean();
        final AtomicInteger failures = new AtomicInteger();
        private volatile CountDownLatch hold = new CountDownLatch(0);
        private final CountDownLatch held = new CountDownLatch(1);

        void holdNextCommit() {
            hold = new CountDownLatch(1);
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(20, TimeUnit.SECONDS)).as("the consumer reached its commit").isTrue();
        }

        List<UUID> offeredAfterFirstCall() {
            return calls.stream().skip(1).flatMap(List::stream).toList();
        }

        void release() {
            hold.countDown();
        }

        @Override
        public int store(List<RequestLogEntry> entries) {
            calls.add(ids(entries));
            if (failing.get()) {
                failures.incrementAndGet();
                throw new IllegalStateException("Connection to 127.0.0.1:5432 refused");
            }
            CountDownLatch current = hold;
            held.countDown();
            try {
                current.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int added = 0;
            for (RequestLogEntry e : entries) {
                added += stored.add(e.requestId()) ? 1 : 0;
            }
            return added;
        }
    }
}

package io.sphere.web.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;

import io.sphere.core.audit.AuditOutbox;
import io.sphere.core.audit.AuditOutbox.Pending;
import io.sphere.core.messaging.Broker;
import io.sphere.core.messaging.JsonBatch;
import io.sphere.core.messaging.Topology;

/**
 * One relay thread: claims outbox rows, publishes them as persistent messages (several events to a message, see
 * {@link JsonBatch}), waits for the broker's confirms and only then lets the outbox delete them. A commit wakes the
 * thread, which lingers a moment so that the commits close behind it go in the same round. The user's request never waits for any of this: it committed its event
 * and at most wakes this thread. While the broker is away events simply stay in the outbox, which is bounded only by
 * the database; the thread reconnects with back-off, forever.
 */
final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /**
     * How often a round starts from the lowest id instead of above the last one sent: a row whose transaction
     * committed after rows with higher ids had gone out waits at most this long (plus a round).
     */
    private static final long FULL_SCAN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** What the status page shows. */
    record Status(boolean running, boolean connected, long published, long failedAttempts, String lastError) {
    }

    private final String name;
    private final Broker broker;
    private final Topology topology;
    private final AuditOutbox outbox;
    private final AuditRelayConfig config;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;

    private volatile boolean running;
    private volatile boolean connected;
    private volatile String lastError;
    private Connection connection;
    private Channel channel;
    private long reconnectDelayMillis = 500;
    private long nextAttemptAt;
    /** The highest id this relay published; its rounds start above it (see AuditOutbox#relay(int, long, …)). */
    private long after;
    /** When the next round scans from the lowest id, for rows that committed after higher ones went out. */
    private long fullScanAt = System.nanoTime();
    private boolean fullScan;
    private boolean idle = true;

    OutboxRelay(String name, Broker broker, AuditOutbox outbox, AuditRelayConfig config) {
        this.name = name;
        this.broker = broker;
        this.topology = broker.topology();
        this.outbox = outbox;
        this.config = config;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    void start() {
        running = true;
        thread.start();
    }

    /** Called after a commit that added events: never blocks, never throws. */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    void stop() {
        running = false;
        wake.release();
        try {
            thread.join(config.confirmTimeout().toMillis() + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        disconnect();
    }

    Status status() {
        return new Status(running, connected, published.get(), failures.get(), lastError);
    }

    private void run() {
        while (running) {
            connectIfDue();
            if (!connected) {
                pause(Math.max(1, Math.min(config.pollInterval().toMillis(),
                        nextAttemptAt - System.currentTimeMillis())));
                continue;
            }
            int relayed;
            long now = System.nanoTime();
            // From 0 as well after a round that found nothing: the cursor may be above every row there is (the
            // ids began again after a restore), and a quiet outbox is cheap to scan.
            fullScan = now - fullScanAt >= 0 || idle;
            if (fullScan) {
                fullScanAt = now + FULL_SCAN_EVERY_NANOS;
            }
            long from = fullScan ? 0 : after;
            try {
                relayed = outbox.relay(config.batchSize(), from, this::publish);
            } catch (AuditOutbox.PublishFailedException e) {
                failed("RabbitMQ did not confirm audit events (" + e.getMessage() + "); they stay in the outbox");
                disconnect();
                continue;
            } catch (RuntimeException e) {
                failed("Audit relay cannot read the outbox: " + e.getMessage());
                pause(config.pollInterval().toMillis());
                continue;
            }
            idle = relayed == 0;
            published.addAndGet(relayed);
            // A round above the cursor that found nothing is followed at once by one from 0, not after the poll
            // interval: a row that committed below the cursor must not wait for the next poll of a quiet outbox.
            if (relayed < config.batchSize() && !(idle && !fullScan)) {
                pause(config.pollInterval().toMillis());
            }
        }
    }

    private void publish(List<Pending> rows) throws IOException, InterruptedException, TimeoutException {
        int perMessage = Math.max(1, config.eventsPerMessage());
        for (int from = 0; from < rows.size(); from += perMessage) {
            List<Pending> part = rows.subList(from, Math.min(rows.size(), from + perMessage));
            List<byte[]> bodies = new ArrayList<>(part.size());
            part.forEach(p -> bodies.add(p.body()));
            // A message of one event keeps its event id as message id; a packed one has as many ids as events.
            AMQP.BasicProperties props = MessageProperties.PERSISTENT_BASIC.builder().contentType("application/json")
                    .messageId(part.size() == 1 ? part.get(0).eventId().toString() : null).build();
            channel.basicPublish(topology.auditExchange(), topology.auditRoutingKey(), props, JsonBatch.join(bodies));
        }
        channel.waitForConfirmsOrDie(config.confirmTimeout().toMillis());
        // Rows come sorted by id. Should the commit after this fail, the rows stay and the next scan from 0 finds
        // them. A scan from 0 also takes the cursor back to what it found (ids begin again after a restore).
        long last = rows.get(rows.size() - 1).id();
        after = fullScan ? last : Math.max(after, last);
    }

    private void failed(String message) {
        failures.incrementAndGet();
        if (!message.equals(lastError)) {
            LOG.warn(message);
        }
        lastError = message;
    }

    /**
     * Sleeps until woken by a commit, a stop or the timeout; a burst of wake-ups counts once. After a wake-up it
     * lingers, so that the commits right behind the first share its round.
     */
    private void pause(long millis) {
        try {
            if (wake.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
                if (running && !config.linger().isZero()) {
                    Thread.sleep(config.linger().toMillis());
                }
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void connectIfDue() {
        if (connected || System.currentTimeMillis() < nextAttemptAt) {
            return;
        }
        try {
            connection = broker.connect(name);
            channel = connection.createChannel();
            topology.declareAudit(channel);
            channel.confirmSelect();
            connected = true;
            reconnectDelayMillis = 500;
            lastError = null;
            LOG.infof("Audit relay %s connected to %s", name, broker.describe());
        } catch (IOException | TimeoutException | RuntimeException e) {
            abort();
            lastError = "RabbitMQ unreachable: " + e.getMessage();
            nextAttemptAt = System.currentTimeMillis() + reconnectDelayMillis;
            reconnectDelayMillis = Math.min(reconnectDelayMillis * 2, config.maxReconnectDelay().toMillis());
        }
    }

    private void disconnect() {
        boolean was = connected;
        abort();
        if (was && running) {
            LOG.warnf("Audit relay %s lost the broker at %s; events wait in the outbox", name, broker.describe());
            nextAttemptAt = System.currentTimeMillis() + reconnectDelayMillis;
        }
    }

    private void abort() {
        connected = false;
        if (connection != null) {
            connection.abort(1_000);
        }
        connection = null;
        channel = null;
    }
}

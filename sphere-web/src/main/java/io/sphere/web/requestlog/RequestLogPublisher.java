package io.sphere.web.requestlog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sphere.core.messaging.Broker;
import io.sphere.core.messaging.JsonBatch;
import io.sphere.core.messaging.Topology;
import io.sphere.core.requestlog.RequestLogCodec;
import io.sphere.core.requestlog.RequestLogEntry;

/**
 * Hands request-log entries to RabbitMQ without ever making a request wait: request threads only offer to a bounded
 * in-memory queue; one publisher thread sends persistent messages with publisher confirms, several entries to a
 * message ({@link JsonBatch}): it waits {@code linger} after an entry for others to share the message. While the broker is
 * unreachable the thread writes entries to an on-disk {@link Spool} and replays it, oldest first, when the broker
 * returns. What cannot be kept (memory queue or spool full) is dropped, counted, logged and shown to the superuser.
 */
@ApplicationScoped
public class RequestLogPublisher {

    private static final Logger LOG = Logger.getLogger(RequestLogPublisher.class);

    private final RequestLogConfig config;
    private final Broker broker;
    private final Topology topology;
    private final BlockingQueue<RequestLogEntry> queue;
    private final int perMessage;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final Counter droppedCounter;
    private final Counter publishedCounter;

    private volatile boolean running;
    private volatile boolean connected;
    private volatile long spooledEntries;
    private Thread thread;
    private Spool spool;
    private Connection connection;
    private Channel channel;
    private long reconnectDelayMillis = 500;
    private long nextAttemptAt;

    RequestLogPublisher(RequestLogConfig config, Broker broker, MeterRegistry registry) {
        this.config = config;
        this.broker = broker;
        this.topology = broker.topology();
        this.queue = new ArrayBlockingQueue<>(config.memoryBuffer());
        this.perMessage = Math.max(1, config.entriesPerMessage());
        this.droppedCounter = Counter.builder("sphere.requestlog.dropped")
                .description("Request-log entries lost because the memory buffer or the spool was full")
                .register(registry);
        this.publishedCounter = Counter.builder("sphere.requestlog.published")
                .description("Request-log entries confirmed by the broker").register(registry);
        Gauge.builder("sphere.requestlog.spooled", this, p -> p.spooledEntries)
                .description("Request-log entries waiting on disk for the broker").register(registry);
        Gauge.builder("sphere.requestlog.buffered", queue, BlockingQueue::size)
                .description("Request-log entries waiting in memory").register(registry);
        Gauge.builder("sphere.requestlog.broker.connected", this, p -> p.connected ? 1 : 0)
                .description("1 while the request-log publisher is connected to the broker").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Request logging is disabled (sphere.request-log.enabled=false)");
            return;
        }
        spool = new Spool(config.spoolDir(), config.spoolMaxBytes());
        spooledEntries = spool.entries();
        if (!spool.isEmpty()) {
            LOG.infof("Request-log spool in %s holds %d entries from an earlier run; they will be sent first",
                    config.spoolDir(), spool.entries());
        }
        running = true;
        thread = new Thread(this::run, "request-log-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Called on the request's thread when the response has ended: never blocks, never throws. The entry is encoded
     * on the publisher's thread, not here.
     */
    public void submit(RequestLogEntry entry) {
        if (running && !queue.offer(entry)) {
            drop(1);
        }
    }

    public Status status() {
        return new Status(connected, spooledEntries, dropped.get(), published.get(), queue.size());
    }

    /** What the superuser sees on the request-log page and what tests assert on. */
    public record Status(boolean connected, long spooled, long dropped, long published, int buffered) {
    }

    void stop(@Observes ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        try {
            thread.join(config.confirmTimeout().toMillis() + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<RequestLogEntry> batch = new ArrayList<>(config.batchSize());
        while (running || !queue.isEmpty()) {
            try {
                connectIfDue();
                if (connected && !spool.isEmpty() && running) {
                    replayOldestSegment();
                    continue;
                }
                batch.clear();
                RequestLogEntry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch);
                List<byte[]> bodies = encode(batch);
                if (!(connected && publish(bodies))) {
                    toSpool(bodies);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | IOException e) {
                LOG.errorf("Request-log publisher: %s", e.toString());
                sleepQuietly(1_000);
            }
        }
        List<RequestLogEntry> rest = new ArrayList<>();
        queue.drainTo(rest);
        try {
            if (!rest.isEmpty()) {
                toSpool(encode(rest));
            }
        } catch (IOException e) {
            drop(rest.size());
        }
        spool.close();
        disconnect();
    }

    /**
     * Sleeps the linger time after the first entry, then adds what came meanwhile, up to a batch. Sleeping rather
     * than waiting on the queue means one wake-up per message instead of one per entry, and request threads never
     * have a waiting publisher to signal. A stopping publisher does not wait.
     */
    private void gather(List<RequestLogEntry> batch) throws InterruptedException {
        if (running && !config.linger().isZero()) {
            Thread.sleep(config.linger().toMillis());
        }
        queue.drainTo(batch, config.batchSize() - batch.size());
    }

    /** The message bodies of the entries; one that cannot be encoded is logged and left out. */
    private static List<byte[]> encode(List<RequestLogEntry> entries) {
        List<byte[]> bodies = new ArrayList<>(entries.size());
        for (RequestLogEntry entry : entries) {
            try {
                bodies.add(RequestLogCodec.encode(entry));
            } catch (RuntimeException e) {
                LOG.warnf("Request-log entry %s could not be encoded: %s", entry.requestId(), e.getMessage());
            }
        }
        return bodies;
    }

    private boolean publish(List<byte[]> bodies) {
        try {
            AMQP.BasicProperties props = MessageProperties.PERSISTENT_BASIC.builder().contentType("application/json")
                    .build();
            for (int from = 0; from < bodies.size(); from += perMessage) {
                byte[] body = JsonBatch.join(bodies.subList(from, Math.min(bodies.size(), from + perMessage)));
                channel.basicPublish(topology.requestLogExchange(), topology.requestLogRoutingKey(), props, body);
            }
            channel.waitForConfirmsOrDie(config.confirmTimeout().toMillis());
            published.addAndGet(bodies.size());
            publishedCounter.increment(bodies.size());
            return true;
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.warnf("RabbitMQ did not confirm %d request-log entries (%s); keeping them in the spool",
                    bodies.size(), e.getMessage());
            disconnect();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            disconnect();
            return false;
        }
    }

    private void replayOldestSegment() throws IOException {
        Optional<Spool.Segment> segment = spool.oldest();
        if (segment.isEmpty()) {
            return;
        }
        List<byte[]> bodies = segment.get().bodies();
        for (int from = 0; from < bodies.size(); from += config.batchSize()) {
            if (!publish(bodies.subList(from, Math.min(bodies.size(), from + config.batchSize())))) {
                return;
            }
        }
        spool.delete(segment.get());
        spooledEntries = spool.entries();
        if (spool.isEmpty()) {
            LOG.info("Request-log spool replayed: every waiting entry is with the broker");
        }
    }

    private void toSpool(List<byte[]> batch) throws IOException {
        boolean wasEmpty = spool.isEmpty();
        int lost = spool.append(batch);
        spooledEntries = spool.entries();
        if (lost > 0) {
            drop(lost);
        }
        if (wasEmpty && !spool.isEmpty()) {
            LOG.warnf("RabbitMQ unreachable: request-log entries are spooled to %s until it returns",
                    config.spoolDir());
        }
    }

    private void drop(int count) {
        if (dropped.getAndAdd(count) == 0) {
            LOG.errorf("Request-log entries are being dropped (memory buffer or spool full); see the metric"
                    + " sphere_requestlog_dropped_total");
        }
        droppedCounter.increment(count);
    }

    private void connectIfDue() {
        if (connected || System.currentTimeMillis() < nextAttemptAt) {
            return;
        }
        try {
            connection = broker.connect("web-request-log");
            channel = connection.createChannel();
            topology.declareRequestLog(channel);
            channel.confirmSelect();
            connected = true;
            reconnectDelayMillis = 500;
            LOG.infof("Request-log publisher connected to %s", broker.describe());
        } catch (IOException | TimeoutException | RuntimeException e) {
            disconnect();
            nextAttemptAt = System.currentTimeMillis() + reconnectDelayMillis;
            reconnectDelayMillis = Math.min(reconnectDelayMillis * 2, config.maxReconnectDelay().toMillis());
        }
    }

    private void disconnect() {
        boolean was = connected;
        connected = false;
        try {
            if (connection != null) {
                connection.abort(1_000);
            }
        } catch (RuntimeException ignored) {
            // aborting a dead connection may complain; it is closed either way
        }
        connection = null;
        channel = null;
        if (was && running) {
            LOG.warnf("Request-log publisher lost the broker at %s; retrying with back-off", broker.describe());
            nextAttemptAt = System.currentTimeMillis() + reconnectDelayMillis;
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

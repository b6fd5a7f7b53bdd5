package io.sphere.worker.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sphere.core.messaging.Topology;
import io.sphere.worker.OneLine;

/**
 * Moves messages of one kind from RabbitMQ into PostgreSQL in batches, on one thread of its own so that a slow
 * database never blocks the broker's I/O threads. A message holds one entry or several (see
 * {@link io.sphere.core.messaging.JsonBatch}); a batch is bounded by entries, not messages. A delivery is acknowledged only after the batch holding it has
 * been committed: whenever the worker dies, a message is either stored or still in the queue, and the idempotent
 * insert makes the redelivery of a stored one harmless. A body that cannot be decoded goes to the dead-letter queue
 * at once; one the database refuses by itself is dead-lettered (at once, or after one more attempt on redelivery when
 * {@link #retryRefusedOnce()} says so; the other entries of its message are stored first); a failure of the database
 * as a whole returns the batch to the queue.
 * Subclasses say how to decode a body and which queue to declare and consume.
 *
 * @param <T> what one message decodes to
 */
public abstract class BatchConsumer<T> {

    /** Slice of time the idle thread waits for a delivery before it looks again for a stop or a dead channel. */
    private static final long POLL_MILLIS = 100;
    /** Bound on waiting for the broker's cancel-ok at stop; after it, late deliveries simply return to the queue. */
    private static final long CANCEL_WAIT_SECONDS = 5;

    /** The subclass's logger, so that log categories stay those of the concrete consumers. */
    private final Logger log = Logger.getLogger(getClass());

    public enum State {
        STARTING,
        CONSUMING,
        BROKER_UNAVAILABLE,
        DATABASE_UNAVAILABLE,
        STOPPING,
        STOPPED
    }

    public record Status(State state, String reason) {

        public boolean up() {
            return state == State.CONSUMING;
        }
    }

    public record Settings(int batchSize, Duration maxWait, Duration retryMinDelay, Duration retryMaxDelay) {
    }

    /** Opens a fresh broker connection; the consumer owns and closes it. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws IOException, TimeoutException;
    }

    /** Writes a batch in one transaction and returns how many entries were new. */
    @FunctionalInterface
    public interface Sink<T> {
        int store(List<T> entries);
    }

    /**
     * How the texts of one consumer read, e.g. label "Audit", items "events", store "the audit trail"; metrics are
     * named {@code <metricPrefix>.stored} and so on.
     */
    public record Names(String metricPrefix, String thread, String label, String items, String store) {
    }

    /** A body that can never be decoded: it goes to the dead-letter queue. */
    public static final class Undecodable extends Exception {
        public Undecodable(String message) {
            super(message);
        }
    }

    private record Received(Channel channel, long tag, boolean redelivered, byte[] body) {
    }

    /** A delivery with what it decoded to, or why it could not be. */
    private record Decoded<T>(Received received, List<T> entries, String undecodable) {

        int size() {
            return entries.size();
        }
    }

    private final Connections connections;
    protected final Topology topology;
    private final Names names;
    private final Settings settings;
    private final Sink<T> sink;
    private final BooleanSupplier databaseAnswers;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private final AtomicInteger inBatch = new AtomicInteger();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final Thread thread;
    private volatile Status status = new Status(State.STARTING, "not connected yet");

    protected BatchConsumer(Names names, Connections connections, Topology topology, Settings settings, Sink<T> sink,
            BooleanSupplier databaseAnswers, MeterRegistry registry) {
        this.names = names;
        this.connections = connections;
        this.topology = topology;
        this.settings = settings;
        this.sink = sink;
        this.databaseAnswers = databaseAnswers;
        this.stored = Counter.builder(names.metricPrefix() + ".stored")
                .description(names.label() + " " + names.items() + " written").register(registry);
        this.duplicates = Counter.builder(names.metricPrefix() + ".duplicates")
                .description(names.label() + " " + names.items() + " delivered again after they had been stored")
                .register(registry);
        this.deadLettered = Counter.builder(names.metricPrefix() + ".dead_lettered")
                .description(names.label() + " messages rejected to the dead-letter queue").register(registry);
        Gauge.builder(names.metricPrefix() + ".in_hand", this, BatchConsumer::inHand)
                .description(names.label() + " deliveries received but not yet acknowledged").register(registry);
        this.thread = new Thread(this::run, names.thread());
        // The shutdown observer stops it properly; daemon only so that a failed start never pins the JVM.
        this.thread.setDaemon(true);
    }

    /** Declares the exchanges and queues this consumer reads from. */
    protected abstract void declare(Channel channel) throws IOException;

    /** The queue consumed. */
    protected abstract String queue();

    /** Where rejected messages end up, for the log. */
    protected abstract String deadQueue();

    /** Turns a body into the values stored: one, or several when the publisher packed them into one message. */
    protected abstract List<T> decode(byte[] body) throws Undecodable;

    /**
     * Whether a message the database refuses by itself gets a second attempt on redelivery before it is
     * dead-lettered, to separate a passing fault from a bad message.
     */
    protected abstract boolean retryRefusedOnce();

    public void start() {
        thread.start();
    }

    /**
     * Cancels the consumer, finishes and acknowledges the deliveries in hand, closes channel and connection.
     *
     * @return false when the thread was still busy after the timeout
     */
    public boolean stop(Duration timeout) {
        stopRequested.countDown();
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    public Status status() {
        return status;
    }

    private double inHand() {
        return inbox.size() + inBatch.get();
    }

    private void run() {
        Duration delay = settings.retryMinDelay();
        while (!stopping()) {
            Session session;
            try {
                session = open();
            } catch (IOException | TimeoutException | RuntimeException e) {
                moveTo(State.BROKER_UNAVAILABLE, OneLine.describe(e));
                pause(delay);
                delay = doubled(delay);
                continue;
            }
            delay = settings.retryMinDelay();
            try {
                consume(session);
            } catch (IOException | TimeoutException | ShutdownSignalException | BrokerLostException e) {
                moveTo(State.BROKER_UNAVAILABLE, OneLine.describe(e));
                session.abort();
                pause(delay);
            } catch (RuntimeException e) {
                // Nothing in hand is acknowledged yet, so starting over on a new channel loses nothing.
                moveTo(State.BROKER_UNAVAILABLE, "unexpected failure: " + OneLine.describe(e));
                session.abort();
                pause(delay);
            }
        }
        moveTo(State.STOPPED, "stopped");
    }

    private Session open() throws IOException, TimeoutException {
        Connection connection = connections.open();
        try {
            Channel channel = connection.createChannel();
            declare(channel);
            channel.basicQos(2 * settings.batchSize());
            // Deliveries of a dead channel cannot be acknowledged any more; the broker requeues them on its own.
            inbox.clear();
            Session session = new Session(connection, channel);
            session.consumerTag = channel.basicConsume(queue(), false, session);
            return session;
        } catch (IOException | RuntimeException e) {
            abortQuietly(connection);
            throw e;
        }
    }

    private void consume(Session session) throws IOException, TimeoutException {
        moveTo(State.CONSUMING, "consuming " + queue());
        Duration delay = settings.retryMinDelay();
        while (!stopping()) {
            session.requireAlive();
            List<Decoded<T>> batch = nextBatch(session.channel);
            if (batch.isEmpty()) {
                continue;
            }
            if (settle(session.channel, batch)) {
                delay = settings.retryMinDelay();
                moveTo(State.CONSUMING, "consuming " + queue());
            } else {
                pause(delay);
                delay = doubled(delay);
            }
        }
        finish(session);
    }

    /**
     * Waits for the first delivery, then at most max-wait for the batch to fill; decodes as it goes, so that the
     * batch ends at batch-size entries however many each message carries.
     */
    private List<Decoded<T>> nextBatch(Channel channel) {
        List<Decoded<T>> batch = new ArrayList<>();
        int entries = 0;
        try {
            Received first = inbox.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (first == null) {
                return batch;
            }
            long deadline = System.nanoTime() + settings.maxWait().toNanos();
            for (Received next = first; next != null;) {
                if (next.channel() == channel) {
                    Decoded<T> d = decoded(next);
                    batch.add(d);
                    entries += d.size();
                    inBatch.set(batch.size());
                }
                if (entries >= settings.batchSize()) {
                    break;
                }
                next = inbox.poll();
                if (next == null) {
                    long left = deadline - System.nanoTime();
                    next = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested.countDown();
        }
        return batch;
    }

    private Decoded<T> decoded(Received r) {
        try {
            return new Decoded<>(r, decode(r.body()), null);
        } catch (Undecodable e) {
            return new Decoded<>(r, List.of(), e.getMessage());
        }
    }

    /**
     * Rejects what cannot be decoded, stores the rest and acknowledges it after the commit.
     *
     * @return false when the database is down and the batch went back to the queue
     */
    private boolean settle(Channel channel, List<Decoded<T>> batch) throws IOException {
        try {
            List<T> entries = new ArrayList<>();
            List<Decoded<T>> decoded = new ArrayList<>(batch.size());
            for (Decoded<T> d : batch) {
                if (d.undecodable() != null) {
                    deadLetter(channel, d.received(), d.undecodable());
                } else {
                    entries.addAll(d.entries());
                    decoded.add(d);
                }
            }
            if (decoded.isEmpty()) {
                return true;
            }
            long highest = decoded.get(decoded.size() - 1).received().tag();
            int inserted;
            try {
                inserted = sink.store(entries);
            } catch (RuntimeException e) {
                if (isSystemic(e) || !databaseAnswers.getAsBoolean()) {
                    return giveBack(channel, highest, e);
                }
                log.warnf("A batch of %d %s %s failed (%s); storing them one by one", entries.size(),
                        lower(names.label()), names.items(), OneLine.describe(e));
                return storeOneByOne(channel, decoded);
            }
            count(inserted, entries.size());
            // multiple=true settles exactly this batch: earlier batches are settled and rejected tags are done.
            channel.basicAck(highest, true);
            return true;
        } finally {
            inBatch.set(0);
        }
    }

    /**
     * The database answers, so some entry itself is bad: isolate it instead of blocking the queue behind it. Each
     * message is stored alone, and the entries of a message that fails one by one, so that a bad entry costs only
     * itself a place in the table; its message (whose other entries are stored, and harmless to store again) goes to
     * the dead-letter queue, or back to the queue for one more attempt.
     */
    private boolean storeOneByOne(Channel channel, List<Decoded<T>> decoded) throws IOException {
        long highest = decoded.get(decoded.size() - 1).received().tag();
        for (Decoded<T> d : decoded) {
            Received r = d.received();
            String refused;
            try {
                refused = storeAlone(d.entries());
            } catch (RuntimeException e) {
                return giveBack(channel, highest, e);
            }
            if (refused == null) {
                channel.basicAck(r.tag(), false);
            } else if (!retryRefusedOnce() || r.redelivered()) {
                deadLetter(channel, r, refused);
            } else {
                // A second attempt, on redelivery, separates a passing fault from a bad message.
                channel.basicNack(r.tag(), false, true);
            }
        }
        return true;
    }

    /**
     * Stores the entries of one message, one by one when together they fail.
     *
     * @return why the database refused an entry, or null when all are stored
     * @throws RuntimeException when the failure is the database's, not an entry's
     */
    private String storeAlone(List<T> entries) {
        try {
            count(sink.store(entries), entries.size());
            return null;
        } catch (RuntimeException e) {
            if (isSystemic(e) || !databaseAnswers.getAsBoolean()) {
                throw e;
            }
            if (entries.size() == 1) {
                return OneLine.describe(e);
            }
        }
        String refused = null;
        for (int i = 0; i < entries.size(); i++) {
            try {
                count(sink.store(List.of(entries.get(i))), 1);
            } catch (RuntimeException e) {
                if (isSystemic(e) || !databaseAnswers.getAsBoolean()) {
                    throw e;
                }
                refused = names.items() + " " + (i + 1) + " of " + entries.size() + ": " + OneLine.describe(e);
            }
        }
        return refused;
    }

    /**
     * A failure that no entry can cause by itself — lost connection, missing table or partition, revoked privilege,
     * exhausted resources — is the database's problem: the entries wait in the queue instead of being dead-lettered.
     */
    public static boolean isSystemic(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.equals("23514") || state.startsWith("08") || state.startsWith("42")
                        || state.startsWith("53") || state.startsWith("57") || state.startsWith("58");
            }
        }
        return false;
    }

    private boolean giveBack(Channel channel, long highest, RuntimeException failure) throws IOException {
        moveTo(State.DATABASE_UNAVAILABLE, OneLine.describe(failure));
        channel.basicNack(highest, true, true);
        return false;
    }

    private void deadLetter(Channel channel, Received r, String reason) throws IOException {
        channel.basicReject(r.tag(), false);
        deadLettered.increment();
        log.warnf("%s message dead-lettered to %s: %s", names.label(), deadQueue(), reason);
    }

    private void count(int inserted, int offered) {
        stored.increment(inserted);
        duplicates.increment(offered - inserted);
    }

    /** The graceful end: no new deliveries, the ones in hand stored and acknowledged, then a clean close. */
    private void finish(Session session) throws IOException, TimeoutException {
        moveTo(State.STOPPING, "finishing the " + names.items() + " in hand");
        session.channel.basicCancel(session.consumerTag);
        try {
            session.cancelled.await(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Received> rest = new ArrayList<>();
        inbox.drainTo(rest);
        rest.removeIf(r -> r.channel() != session.channel);
        List<Decoded<T>> batch = new ArrayList<>();
        int entries = 0;
        for (int i = 0; i < rest.size(); i++) {
            Decoded<T> d = decoded(rest.get(i));
            batch.add(d);
            entries += d.size();
            if (entries >= settings.batchSize() || i == rest.size() - 1) {
                inBatch.set(batch.size());
                if (!settle(session.channel, batch)) {
                    break;
                }
                batch = new ArrayList<>();
                entries = 0;
            }
        }
        session.channel.close();
        session.connection.close();
        log.infof("%s consumer stopped cleanly; %d prefetched deliveries were settled on the way out",
                names.label(), rest.size());
    }

    private void moveTo(State next, String reason) {
        State previous = status.state();
        status = new Status(next, reason);
        if (previous == next) {
            return;
        }
        switch (next) {
            case CONSUMING -> log.infof("%s consumer is consuming %s", names.label(), queue());
            case BROKER_UNAVAILABLE -> log.errorf(
                    "RabbitMQ unavailable for the %s consumer (%s); retrying after %s, doubling up to %s",
                    lower(names.label()), reason, readable(settings.retryMinDelay()),
                    readable(settings.retryMaxDelay()));
            case DATABASE_UNAVAILABLE -> log.errorf(
                    "PostgreSQL unavailable for %s (%s); batches return to the queue, retrying after %s,"
                            + " doubling up to %s",
                    names.store(), reason, readable(settings.retryMinDelay()), readable(settings.retryMaxDelay()));
            case STOPPING -> log.infof("%s consumer stopping: finishing the %s in hand", names.label(), names.items());
            case STOPPED, STARTING -> {
            }
        }
    }

    private boolean stopping() {
        return stopRequested.getCount() == 0;
    }

    /** Sleeps, but wakes at once for a stop. */
    private void pause(Duration delay) {
        try {
            stopRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested.countDown();
        }
    }

    private Duration doubled(Duration delay) {
        Duration next = delay.multipliedBy(2);
        return next.compareTo(settings.retryMaxDelay()) > 0 ? settings.retryMaxDelay() : next;
    }

    private static String lower(String label) {
        return label.toLowerCase(java.util.Locale.ROOT);
    }

    private static String readable(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void abortQuietly(Connection connection) {
        // abort() never throws and never waits for a broker that may be gone.
        connection.abort(1000);
    }

    /** Signals that the broker cancelled the consumer or the channel died while the thread was waiting. */
    private static final class BrokerLostException extends RuntimeException {
        BrokerLostException(String message) {
            super(message);
        }
    }

    /** One connection and channel with its consumer; the broker's threads only hand deliveries over. */
    private final class Session extends DefaultConsumer {

        private final Connection connection;
        private final Channel channel;
        private final CountDownLatch cancelled = new CountDownLatch(1);
        private volatile String consumerTag;
        private volatile String lost;

        Session(Connection connection, Channel channel) {
            super(channel);
            this.connection = connection;
            this.channel = channel;
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            inbox.add(new Received(channel, envelope.getDeliveryTag(), envelope.isRedeliver(), body));
        }

        @Override
        public void handleCancelOk(String tag) {
            cancelled.countDown();
        }

        @Override
        public void handleCancel(String tag) {
            lost = "the broker cancelled the consumer (queue deleted?)";
            cancelled.countDown();
        }

        @Override
        public void handleShutdownSignal(String tag, ShutdownSignalException signal) {
            lost = OneLine.describe(signal);
            cancelled.countDown();
        }

        void requireAlive() {
            String reason = lost;
            if (reason != null || !channel.isOpen()) {
                throw new BrokerLostException(reason == null ? "channel closed" : reason);
            }
        }

        void abort() {
            abortQuietly(connection);
        }
    }
}

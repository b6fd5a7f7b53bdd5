package io.sphere.worker.attachment;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sphere.core.attachment.ThumbnailMessage;
import io.sphere.core.messaging.Broker;
import io.sphere.core.messaging.Topology;
import io.sphere.worker.OneLine;
import io.sphere.worker.schema.SchemaGuard;

/**
 * Consumes {@code <instance>.thumbnail}: one attachment at a time (prefetch 1), acknowledged after its outcome is
 * stored. A message that is not an attachment id goes to the dead-letter queue. When the database fails the message
 * is acknowledged anyway: the attachment is still PENDING and the sweep makes it later, so nothing loops. A
 * connection of its own, re-opened by a watchdog thread after every loss.
 */
@ApplicationScoped
class ThumbnailConsumer {

    private static final String ROLE = "worker-thumbnails";
    private static final Logger LOG = Logger.getLogger(ThumbnailConsumer.class);

    private final Broker broker;
    private final Topology topology;
    private final ThumbnailService thumbnails;
    private final ThumbnailConfig config;
    private final SchemaGuard guard;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread watchdog;

    ThumbnailConsumer(Broker broker, ThumbnailService thumbnails, ThumbnailConfig config, SchemaGuard guard) {
        this.broker = broker;
        this.topology = broker.topology();
        this.thumbnails = thumbnails;
        this.config = config;
        this.guard = guard;
    }

    void start(@Observes StartupEvent event) {
        if (!guard.passed()) {
            return;
        }
        running = true;
        watchdog = new Thread(this::keepConnected, "sphere-thumbnail-consumer");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (watchdog != null) {
            watchdog.interrupt();
        }
        Connection c = connection;
        if (c != null && c.isOpen()) {
            try {
                // closing waits for the delivery in hand: its outcome is stored and acknowledged first
                c.close(10_000);
            } catch (IOException | RuntimeException e) {
                c.abort();
            }
        }
    }

    /** Whether the consumer is connected right now (for tests and health). */
    boolean connected() {
        Connection c = connection;
        return c != null && c.isOpen();
    }

    private void keepConnected() {
        while (running) {
            Connection c = connection;
            if (c == null || !c.isOpen()) {
                try {
                    connect();
                    LOG.infof("Thumbnail consumer connected to %s", broker.describe());
                } catch (Exception e) {
                    LOG.warnf("Thumbnail consumer cannot reach the broker (%s); the sweep makes thumbnails meanwhile",
                            OneLine.describe(e));
                }
            }
            try {
                Thread.sleep(config.reconnectDelay().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void connect() throws Exception {
        Connection c = broker.connect(ROLE);
        try {
            Channel channel = c.createChannel();
            topology.declareThumbnail(channel);
            channel.basicQos(1);
            channel.basicConsume(topology.thumbnailQueue(), false, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                        byte[] body) throws IOException {
                    handle(channel, envelope.getDeliveryTag(), body);
                }
            });
            connection = c;
        } catch (Exception e) {
            c.abort();
            throw e;
        }
    }

    private void handle(Channel channel, long tag, byte[] body) throws IOException {
        long id;
        try {
            id = ThumbnailMessage.decode(body);
        } catch (NumberFormatException e) {
            LOG.warnf("Not an attachment id on %s; dead-lettered", topology.thumbnailQueue());
            channel.basicReject(tag, false);
            return;
        }
        try {
            thumbnails.process(id);
        } catch (RuntimeException e) {
            LOG.errorf("Thumbnail of attachment %d failed, left to the sweep: %s", id, OneLine.describe(e));
        }
        channel.basicAck(tag, false);
    }
}

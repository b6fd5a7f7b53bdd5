package io.sphere.web.attachment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;

import io.sphere.core.attachment.AttachmentAdded;
import io.sphere.core.attachment.ThumbnailMessage;
import io.sphere.core.messaging.Broker;
import io.sphere.core.messaging.Topology;

/**
 * Tells the worker that an image landed, so its thumbnail is made within a second or two. Best effort by design:
 * publishing happens on one background thread (a request never waits for RabbitMQ), and when the broker is down
 * the message is simply not sent: the attachment stays PENDING in the database and the worker's periodic sweep makes
 * the thumbnail. Messages are persistent and publisher-confirmed.
 */
@ApplicationScoped
public class ThumbnailRequests {

    private static final Logger LOG = Logger.getLogger(ThumbnailRequests.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final Broker broker;
    private final Topology topology;
    private final Clock clock;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "sphere-thumbnail-publisher");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());
    private Connection connection;
    private Channel channel;
    private Instant downUntil = Instant.MIN;

    ThumbnailRequests(Broker broker, Clock clock) {
        this.broker = broker;
        this.topology = broker.topology();
        this.clock = clock;
    }

    void added(@Observes AttachmentAdded event) {
        if (event.needsThumbnail()) {
            executor.execute(() -> publish(event.attachmentId()));
        }
    }

    private void publish(long id) {
        if (clock.instant().isBefore(downUntil)) {
            return;
        }
        try {
            if (channel == null || !channel.isOpen()) {
                close();
                connection = broker.connect("web-thumbnails");
                channel = connection.createChannel();
                topology.declareThumbnail(channel);
                channel.confirmSelect();
            }
            channel.basicPublish(topology.thumbnailExchange(), topology.thumbnailRoutingKey(),
                    MessageProperties.PERSISTENT_BASIC, ThumbnailMessage.encode(id));
            channel.waitForConfirmsOrDie(5_000);
        } catch (Exception e) {
            LOG.warnf("Thumbnail request for attachment %d not published (%s); the worker's sweep will find it", id,
                    e.getMessage());
            downUntil = clock.instant().plus(RETRY_AFTER);
            close();
        }
    }

    private void close() {
        try {
            if (connection != null) {
                connection.abort(1_000);
            }
        } catch (RuntimeException ignored) {
            // already gone
        }
        connection = null;
        channel = null;
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }
}

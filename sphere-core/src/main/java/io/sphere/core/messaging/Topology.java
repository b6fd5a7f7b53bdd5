package io.sphere.core.messaging;

import java.io.IOException;
import java.util.Map;

import com.rabbitmq.client.Channel;

/**
 * The exchanges and queues Sphere uses, all named with the installation's prefix so that several installations
 * can share one broker (S12). Web and worker both declare them, with identical arguments, so either may start
 * first and no message is published into a void.
 */
public record Topology(String instance) {

    /** Messages that a consumer rejected land here through the dead-letter exchange, for a person to look at. */
    public String deadLetterExchange() {
        return instance + ".dead-letter";
    }

    public String requestLogExchange() {
        return instance + ".request-log";
    }

    public String requestLogQueue() {
        return instance + ".request-log";
    }

    public String requestLogDeadQueue() {
        return instance + ".request-log.dead";
    }

    public void declareRequestLog(Channel channel) throws IOException {
        channel.exchangeDeclare(deadLetterExchange(), "direct", true);
        channel.queueDeclare(requestLogDeadQueue(), true, false, false, Map.of());
        channel.queueBind(requestLogDeadQueue(), deadLetterExchange(), requestLogQueue());

        channel.exchangeDeclare(requestLogExchange(), "direct", true);
        channel.queueDeclare(requestLogQueue(), true, false, false,
                Map.of("x-dead-letter-exchange", deadLetterExchange()));
        channel.queueBind(requestLogQueue(), requestLogExchange(), requestLogQueue());
    }

    /** Routing key of request-log messages: the queue's own name. */
    public String requestLogRoutingKey() {
        return requestLogQueue();
    }

    public String auditExchange() {
        return instance + ".audit";
    }

    public String auditQueue() {
        return instance + ".audit";
    }

    public String auditDeadQueue() {
        return instance + ".audit.dead";
    }

    /** Audit events relayed from the outbox; a rejected one lands in its own dead-letter queue. */
    public void declareAudit(Channel channel) throws IOException {
        channel.exchangeDeclare(deadLetterExchange(), "direct", true);
        channel.queueDeclare(auditDeadQueue(), true, false, false, Map.of());
        channel.queueBind(auditDeadQueue(), deadLetterExchange(), auditQueue());

        channel.exchangeDeclare(auditExchange(), "direct", true);
        channel.queueDeclare(auditQueue(), true, false, false, Map.of("x-dead-letter-exchange", deadLetterExchange()));
        channel.queueBind(auditQueue(), auditExchange(), auditQueue());
    }

    /** Routing key of audit messages: the queue's own name. */
    public String auditRoutingKey() {
        return auditQueue();
    }

    /** Attachments that need a thumbnail: sphere-web publishes the attachment id, sphere-worker makes it. */
    public String thumbnailExchange() {
        return instance + ".thumbnail";
    }

    public String thumbnailQueue() {
        return instance + ".thumbnail";
    }

    public String thumbnailDeadQueue() {
        return instance + ".thumbnail.dead";
    }

    /** Routing key of thumbnail messages: the queue's own name. */
    public String thumbnailRoutingKey() {
        return thumbnailQueue();
    }

    public void declareThumbnail(Channel channel) throws IOException {
        channel.exchangeDeclare(deadLetterExchange(), "direct", true);
        channel.queueDeclare(thumbnailDeadQueue(), true, false, false, Map.of());
        channel.queueBind(thumbnailDeadQueue(), deadLetterExchange(), thumbnailQueue());

        channel.exchangeDeclare(thumbnailExchange(), "direct", true);
        channel.queueDeclare(thumbnailQueue(), true, false, false,
                Map.of("x-dead-letter-exchange", deadLetterExchange()));
        channel.queueBind(thumbnailQueue(), thumbnailExchange(), thumbnailQueue());
    }
}

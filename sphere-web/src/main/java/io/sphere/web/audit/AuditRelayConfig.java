package io.sphere.web.audit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How sphere-web relays audit events from the outbox table to RabbitMQ. */
@ConfigMapping(prefix = "sphere.audit.relay")
public interface AuditRelayConfig {

    /** Relay at all; every web process relays by default, and several relay the same outbox without conflict. */
    @WithDefault("true")
    boolean enabled();

    /** Events claimed, published and confirmed per round-trip. */
    @WithDefault("200")
    int batchSize();

    /**
     * Events packed into one AMQP message (a JSON array). RabbitMQ's work is per message, so a message of many
     * events costs the broker and the worker about what one event did.
     */
    @WithDefault("50")
    int eventsPerMessage();

    /**
     * How long the relay waits after a commit woke it, so that the events of the commits close behind it share one
     * outbox transaction and one message. Events reach the trail this much later; no request ever waits for it.
     */
    @WithDefault("PT0.05S")
    Duration linger();

    /**
     * How often the outbox is looked at when nothing woke the relay: picks up events of other processes and of a
     * web that stopped before it relayed them. Each commit of this process wakes it at once.
     */
    @WithDefault("PT2S")
    Duration pollInterval();

    /** How long to wait for the broker's confirms before treating a batch as not delivered (it stays). */
    @WithDefault("PT10S")
    Duration confirmTimeout();

    /** Longest pause between reconnection attempts while the broker is down; attempts never stop. */
    @WithDefault("PT15S")
    Duration maxReconnectDelay();
}

package io.sphere.web.requestlog;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How sphere-web records requests and hands them to RabbitMQ. */
@ConfigMapping(prefix = "sphere.request-log")
public interface RequestLogConfig {

    /** Record every request (except static files and health checks). Off only for benchmarks that compare. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Folder where entries wait while the broker is unreachable; it survives restarts. One per installation and per
     * web process on the same machine.
     */
    @WithDefault("${user.home}/.sphere/${sphere.instance.name:sphere}/request-log-spool")
    Path spoolDir();

    /** Upper bound of the spool; past it new entries are dropped and counted (metric and request-log page). */
    @WithDefault("536870912")
    long spoolMaxBytes();

    /** Entries buffered in memory between the request threads and the publisher thread. */
    @WithDefault("20000")
    int memoryBuffer();

    /** Entries published per confirm round-trip. */
    @WithDefault("500")
    int batchSize();

    /**
     * Entries packed into one AMQP message (a JSON array). RabbitMQ's work is per message, so a message of many
     * entries costs the broker and the worker about what one entry did.
     */
    @WithDefault("50")
    int entriesPerMessage();

    /**
     * How long the publisher waits after an entry for more to share its message; what came meanwhile (up to a
     * batch) is sent with it. Entries reach the table this much later; no request ever waits for it.
     */
    @WithDefault("PT0.05S")
    Duration linger();

    /** How long to wait for the broker to confirm a batch before treating it as not delivered. */
    @WithDefault("PT10S")
    Duration confirmTimeout();

    /** Longest pause between reconnection attempts while the broker is down. */
    @WithDefault("PT15S")
    Duration maxReconnectDelay();
}

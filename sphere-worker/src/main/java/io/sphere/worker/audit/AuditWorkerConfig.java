package io.sphere.worker.audit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the worker moves audit events from RabbitMQ into the trail and keeps its partitions ready. */
@ConfigMapping(prefix = "sphere.worker.audit")
interface AuditWorkerConfig {

    /**
     * Most events written in one transaction; the broker hands the worker twice as many messages ahead (prefetch),
     * each holding up to the web's {@code sphere.audit.relay.events-per-message} events (about 20 MB at most).
     */
    @WithDefault("200")
    int batchSize();

    /** Longest an event waits in memory for its batch to fill before the batch is written anyway. */
    @WithDefault("PT0.2S")
    Duration maxWait();

    /** First pause after RabbitMQ or PostgreSQL became unreachable; it doubles on every failed attempt. */
    @WithDefault("PT1S")
    Duration retryMinDelay();

    /** Longest pause between attempts to reach RabbitMQ or PostgreSQL again; attempts never stop. */
    @WithDefault("PT30S")
    Duration retryMaxDelay();

    /** How long a stop may take to finish the batch in hand; keep it below supervisor's stopwaitsecs. */
    @WithDefault("PT5M")
    Duration stopTimeout();

    /** How many months after the current one must already have an audit partition (made at start and nightly). */
    @WithDefault("3")
    int partitionMonthsAhead();
}

package io.sphere.worker.requestlog;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the worker moves request-log entries from RabbitMQ into PostgreSQL and keeps the table's partitions ready. */
@ConfigMapping(prefix = "sphere.worker.request-log")
interface RequestLogWorkerConfig {

    /**
     * Most entries written in one transaction; the broker hands the worker twice as many messages ahead (prefetch),
     * each holding up to the web's {@code sphere.request-log.entries-per-message} entries (about 17 MB at most).
     */
    @WithDefault("500")
    int batchSize();

    /** Longest an entry waits in memory for its batch to fill before the batch is written anyway. */
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

    /** When the monthly partitions are created ahead of need (Quartz cron, UTC); also done at every start. */
    @WithDefault("0 17 1 * * ?")
    String partitionMaintenanceCron();

    /** How many months after the current one must already have a partition. */
    @WithDefault("3")
    int partitionMonthsAhead();
}

package io.sphere.worker.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.sphere.core.audit.AuditStore;
import io.sphere.core.messaging.Broker;
import io.sphere.worker.OneLine;
import io.sphere.worker.messaging.BatchConsumer.Settings;
import io.sphere.worker.messaging.BatchConsumer.State;
import io.sphere.worker.messaging.BatchConsumer.Status;
import io.sphere.worker.messaging.DatabaseProbe;
import io.sphere.worker.schema.SchemaGuard;

/**
 * Runs the audit consumer for the life of the process (started after the schema check, stopped gracefully) and
 * keeps the trail's monthly partitions made ahead of need.
 */
@ApplicationScoped
class AuditWorker {

    /** Names the broker connection, so the RabbitMQ console shows which process holds it. */
    private static final String ROLE = "worker-audit";

    private static final Logger LOG = Logger.getLogger(AuditWorker.class);

    private final Broker broker;
    private final AuditStore store;
    private final DataSource dataSource;
    private final AuditWorkerConfig config;
    private final MeterRegistry registry;
    private final SchemaGuard guard;
    private final Clock clock;
    private volatile AuditConsumer consumer;

    AuditWorker(Broker broker, AuditStore store, DataSource dataSource, AuditWorkerConfig config,
            MeterRegistry registry, SchemaGuard guard, Clock clock) {
        this.broker = broker;
        this.store = store;
        this.dataSource = dataSource;
        this.config = config;
        this.registry = registry;
        this.guard = guard;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (!guard.passed()) {
            return;
        }
        makePartitions();
        Settings settings = new Settings(config.batchSize(), config.maxWait(), config.retryMinDelay(),
                config.retryMaxDelay());
        consumer = new AuditConsumer(() -> broker.connect(ROLE), broker.topology(), settings, store::store,
                this::databaseAnswers, registry);
        consumer.start();
    }

    void stop(@Observes ShutdownEvent event) {
        AuditConsumer running = consumer;
        if (running != null && !running.stop(config.stopTimeout())) {
            LOG.errorf("Audit consumer still busy after %s; unacknowledged events will be redelivered",
                    config.stopTimeout());
        }
    }

    /** Same schedule as the request log's partitions. */
    @Scheduled(cron = "${sphere.worker.request-log.partition-maintenance-cron:0 17 1 * * ?}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = SchemaGuard.Refused.class)
    void makePartitions() {
        try {
            int created = store.ensureUpcomingPartitions(LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                    config.partitionMonthsAhead());
            if (created > 0) {
                LOG.infof("Audit partitions: %d created", created);
            }
        } catch (RuntimeException e) {
            LOG.errorf("Audit partition maintenance failed, next attempt at the next run: %s", OneLine.describe(e));
        }
    }

    Status status() {
        AuditConsumer running = consumer;
        return running == null ? new Status(State.STARTING, "not started") : running.status();
    }

    /** Tells a database that is down from a message the database refuses. */
    private boolean databaseAnswers() {
        return DatabaseProbe.answers(dataSource);
    }
}

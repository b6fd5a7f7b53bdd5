package io.sphere.worker.requestlog;

import static io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.sphere.core.requestlog.RequestLogStore;
import io.sphere.worker.OneLine;
import io.sphere.worker.schema.SchemaGuard;

/**
 * Creates the request log's monthly partitions ahead of need, so that the first entry of a month never pays for
 * the DDL and a month boundary never depends on the insert path creating the table in time.
 */
@ApplicationScoped
class PartitionMaintenanceJob {

    /** The scheduler resolves it from {@link RequestLogWorkerConfig#partitionMaintenanceCron()}. */
    private static final String CRON = "${sphere.worker.request-log.partition-maintenance-cron}";

    private static final Logger LOG = Logger.getLogger(PartitionMaintenanceJob.class);

    private final RequestLogStore store;
    private final RequestLogWorkerConfig config;
    private final SchemaGuard guard;
    private final Clock clock;

    PartitionMaintenanceJob(RequestLogStore store, RequestLogWorkerConfig config, SchemaGuard guard, Clock clock) {
        this.store = store;
        this.config = config;
        this.guard = guard;
        this.clock = clock;
    }

    /** A worker that was down over a month boundary catches up at once instead of waiting for the next night. */
    void atStartUp(@Observes StartupEvent event) {
        if (guard.passed()) {
            run();
        }
    }

    @Scheduled(cron = CRON, timeZone = "UTC", concurrentExecution = SKIP, skipExecutionIf = SchemaGuard.Refused.class)
    void run() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int monthsAhead = config.partitionMonthsAhead();
        try {
            int created = store.ensureUpcomingPartitions(today, monthsAhead);
            LOG.infof("Request-log partitions: %d created, %s through %s exist", created, YearMonth.from(today),
                    YearMonth.from(today).plusMonths(monthsAhead));
        } catch (RuntimeException e) {
            LOG.errorf("Request-log partition maintenance failed, next attempt at the next run: %s",
                    OneLine.describe(e));
        }
    }
}

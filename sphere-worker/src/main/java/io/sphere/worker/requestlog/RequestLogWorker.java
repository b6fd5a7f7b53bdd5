package io.sphere.worker.requestlog;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sphere.core.messaging.Broker;
import io.sphere.core.requestlog.RequestLogStore;
import io.sphere.worker.messaging.BatchConsumer.Settings;
import io.sphere.worker.messaging.BatchConsumer.State;
import io.sphere.worker.messaging.BatchConsumer.Status;
import io.sphere.worker.messaging.DatabaseProbe;
import io.sphere.worker.schema.SchemaGuard;

/** Runs the request-log consumer for the life of the process: started after the schema check, stopped gracefully. */
@ApplicationScoped
class RequestLogWorker {

    /** Names the broker connection, so the RabbitMQ console shows which process holds it. */
    private static final String ROLE = "worker-request-log";

    private static final Logger LOG = Logger.getLogger(RequestLogWorker.class);

    private final Broker broker;
    private final RequestLogStore store;
    private final DataSource dataSource;
    private final RequestLogWorkerConfig config;
    private final MeterRegistry registry;
    private final SchemaGuard guard;
    private volatile RequestLogConsumer consumer;

    RequestLogWorker(Broker broker, RequestLogStore store, DataSource dataSource, RequestLogWorkerConfig config,
            MeterRegistry registry, SchemaGuard guard) {
        this.broker = broker;
        this.store = store;
        this.dataSource = dataSource;
        this.config = config;
        this.registry = registry;
        this.guard = guard;
    }

    void start(@Observes StartupEvent event) {
        if (!guard.passed()) {
            return;
        }
        Settings settings = new Settings(config.batchSize(), config.maxWait(), config.retryMinDelay(),
                config.retryMaxDelay());
        consumer = new RequestLogConsumer(() -> broker.connect(ROLE), broker.topology(), settings, store::store,
                this::databaseAnswers, registry);
        consumer.start();
    }

    void stop(@Observes ShutdownEvent event) {
        RequestLogConsumer running = consumer;
        if (running != null && !running.stop(config.stopTimeout())) {
            LOG.errorf("Request-log consumer still busy after %s; unacknowledged entries will be redelivered",
                    config.stopTimeout());
        }
    }

    Status status() {
        RequestLogConsumer running = consumer;
        return running == null ? new Status(State.STARTING, "not started") : running.status();
    }

    /** Tells a database that is down from a message the database refuses. */
    private boolean databaseAnswers() {
        return DatabaseProbe.answers(dataSource);
    }
}

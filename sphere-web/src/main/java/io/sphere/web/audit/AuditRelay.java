package io.sphere.web.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sphere.core.audit.AuditOutbox;
import io.sphere.core.audit.AuditRecorded;
import io.sphere.core.messaging.Broker;

/** Runs this process's outbox relay for its whole life and wakes it after every commit that recorded an event. */
@ApplicationScoped
public class AuditRelay {

    private static final Logger LOG = Logger.getLogger(AuditRelay.class);

    private final AuditRelayConfig config;
    private final Broker broker;
    private final AuditOutbox outbox;
    private volatile OutboxRelay relay;

    AuditRelay(AuditRelayConfig config, Broker broker, AuditOutbox outbox, MeterRegistry registry) {
        this.config = config;
        this.broker = broker;
        this.outbox = outbox;
        Gauge.builder("sphere.audit.relay.published", this, r -> r.status().published())
                .description("Audit events this process relayed to RabbitMQ, confirmed").register(registry);
        Gauge.builder("sphere.audit.relay.connected", this, r -> r.status().connected() ? 1 : 0)
                .description("1 while the audit relay is connected to the broker").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("The audit relay is off (sphere.audit.relay.enabled=false); another web process must relay");
            return;
        }
        relay = new OutboxRelay("web-audit-relay", broker, outbox, config);
        relay.start();
    }

    void stop(@Observes ShutdownEvent event) {
        OutboxRelay r = relay;
        if (r != null) {
            r.stop();
        }
    }

    /** After the commit, never before: an event of a rolled-back change does not exist. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditRecorded event) {
        OutboxRelay r = relay;
        if (r != null) {
            r.wake();
        }
    }

    public OutboxRelay.Status status() {
        OutboxRelay r = relay;
        return r == null ? new OutboxRelay.Status(false, false, 0, 0, null) : r.status();
    }
}

package io.sphere.worker.audit;

import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.rabbitmq.client.Channel;

import io.micrometer.core.instrument.MeterRegistry;
import io.sphere.core.audit.AuditCodec;
import io.sphere.core.audit.AuditCodec.MalformedEventException;
import io.sphere.core.audit.AuditEvent;
import io.sphere.core.messaging.Topology;
import io.sphere.worker.messaging.BatchConsumer;

/**
 * Moves audit events from RabbitMQ into the append-only trail in batches (see {@link BatchConsumer}); the idempotent
 * insert is by event id and time. An event the database refuses by itself is retried once more on redelivery, then
 * dead-lettered.
 */
final class AuditConsumer extends BatchConsumer<AuditEvent> {

    private static final Names NAMES = new Names("sphere.audit", "audit-consumer", "Audit", "events",
            "the audit trail");

    /** Writes a batch in one transaction and returns how many entries were new. */
    @FunctionalInterface
    interface Sink extends BatchConsumer.Sink<AuditEvent> {
    }

    AuditConsumer(Connections connections, Topology topology, Settings settings, Sink sink,
            BooleanSupplier databaseAnswers, MeterRegistry registry) {
        super(NAMES, connections, topology, settings, sink, databaseAnswers, registry);
    }

    @Override
    protected void declare(Channel channel) throws IOException {
        topology.declareAudit(channel);
    }

    @Override
    protected String queue() {
        return topology.auditQueue();
    }

    @Override
    protected String deadQueue() {
        return topology.auditDeadQueue();
    }

    @Override
    protected List<AuditEvent> decode(byte[] body) throws Undecodable {
        try {
            return AuditCodec.decodeAll(body);
        } catch (MalformedEventException e) {
            throw new Undecodable(e.getMessage());
        }
    }

    @Override
    protected boolean retryRefusedOnce() {
        return true;
    }
}

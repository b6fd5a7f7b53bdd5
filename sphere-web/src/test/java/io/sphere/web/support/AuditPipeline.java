package io.sphere.web.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

import io.sphere.core.audit.AuditCodec;
import io.sphere.core.audit.AuditEvent;
import io.sphere.core.audit.AuditOutbox;
import io.sphere.core.audit.AuditStore;
import io.sphere.core.messaging.Broker;

/**
 * The worker's part of the audit pipeline for web tests, which run without a worker: waits until the web relayed
 * its outbox, takes the events from the real queue and stores them with core's store, as the worker does.
 */
@ApplicationScoped
public class AuditPipeline {

    private final Broker broker;
    private final AuditOutbox outbox;
    private final AuditStore store;

    AuditPipeline(Broker broker, AuditOutbox outbox, AuditStore store) {
        this.broker = broker;
        this.outbox = outbox;
        this.store = store;
    }

    public void purge() {
        try (Connection c = connect(); Channel ch = c.createChannel()) {
            broker.topology().declareAudit(ch);
            ch.queuePurge(broker.topology().auditQueue());
            ch.queuePurge(broker.topology().auditDeadQueue());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot purge the audit queues", e);
        }
    }

    /** Messages the last {@link #drain()} took: a message may carry several events. */
    private int messagesDrained;

    public int messagesDrained() {
        return messagesDrained;
    }

    /** Waits for an empty outbox, then takes every event waiting in the queue. */
    public List<AuditEvent> drain() {
        messagesDrained = 0;
        await().atMost(Duration.ofSeconds(60)).until(() -> outbox.backlog().rows() == 0);
        List<AuditEvent> events = new ArrayList<>();
        try (Connection c = connect(); Channel ch = c.createChannel()) {
            for (GetResponse r = ch.basicGet(broker.topology().auditQueue(), true); r != null; r = ch.basicGet(
                    broker.topology().auditQueue(), true)) {
                events.addAll(AuditCodec.decodeAll(r.getBody()));
                messagesDrained++;
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the audit queue", e);
        }
        return events;
    }

    /** Relayed, consumed and stored: the trail as the worker would leave it. */
    public List<AuditEvent> deliver() {
        List<AuditEvent> events = drain();
        store.store(events);
        return events;
    }

    private static Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        return factory.newConnection("sphere-web-audit-test");
    }
}

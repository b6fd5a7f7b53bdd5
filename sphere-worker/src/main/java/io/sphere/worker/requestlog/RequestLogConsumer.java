package io.sphere.worker.requestlog;

import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.rabbitmq.client.Channel;

import io.micrometer.core.instrument.MeterRegistry;
import io.sphere.core.messaging.Topology;
import io.sphere.core.requestlog.RequestLogCodec;
import io.sphere.core.requestlog.RequestLogCodec.MalformedEntryException;
import io.sphere.core.requestlog.RequestLogEntry;
import io.sphere.worker.messaging.BatchConsumer;

/**
 * Moves request-log entries from RabbitMQ into PostgreSQL in batches (see {@link BatchConsumer}). An entry the
 * database refuses by itself is dead-lettered at once.
 */
final class RequestLogConsumer extends BatchConsumer<RequestLogEntry> {

    private static final Names NAMES = new Names("sphere.requestlog", "request-log-consumer", "Request-log",
            "entries", "the request log");

    /** Writes a batch in one transaction and returns how many entries were new. */
    @FunctionalInterface
    interface Sink extends BatchConsumer.Sink<RequestLogEntry> {
    }

    RequestLogConsumer(Connections connections, Topology topology, Settings settings, Sink sink,
            BooleanSupplier databaseAnswers, MeterRegistry registry) {
        super(NAMES, connections, topology, settings, sink, databaseAnswers, registry);
    }

    @Override
    protected void declare(Channel channel) throws IOException {
        topology.declareRequestLog(channel);
    }

    @Override
    protected String queue() {
        return topology.requestLogQueue();
    }

    @Override
    protected String deadQueue() {
        return topology.requestLogDeadQueue();
    }

    @Override
    protected List<RequestLogEntry> decode(byte[] body) throws Undecodable {
        try {
            return RequestLogCodec.decodeAll(body);
        } catch (MalformedEntryException e) {
            throw new Undecodable(e.getMessage());
        }
    }

    @Override
    protected boolean retryRefusedOnce() {
        return false;
    }
}

package io.sphere.worker.requestlog;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;

import io.sphere.core.messaging.Topology;
import io.sphere.core.requestlog.RequestLogCodec;
import io.sphere.core.requestlog.RequestLogEntry;

/** The tests' own side of the broker: publishes like sphere-web does and looks into the queues. */
final class Rabbit {

    private Rabbit() {
    }

    static Connection connect() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("sphere-worker-test");
    }

    /** Declares the topology and empties its queues, so a test never sees an earlier test's messages. */
    static void reset(Channel channel, Topology topology) throws IOException {
        topology.declareRequestLog(channel);
        channel.queuePurge(topology.requestLogQueue());
        channel.queuePurge(topology.requestLogDeadQueue());
    }

    static void publish(Channel channel, Topology topology, byte[] body) throws IOException {
        channel.basicPublish(topology.requestLogExchange(), topology.requestLogRoutingKey(),
                MessageProperties.PERSISTENT_BASIC, body);
    }

    static void publish(Channel channel, Topology topology, RequestLogEntry entry) throws IOException {
        publish(channel, topology, RequestLogCodec.encode(entry));
    }

    static int ready(Channel channel, String queue) throws IOException {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }

    /** Takes (and acknowledges) whatever waits in a queue. */
    static List<byte[]> take(Channel channel, String queue) throws IOException {
        List<byte[]> bodies = new ArrayList<>();
        GetResponse response;
        while ((response = channel.basicGet(queue, true)) != null) {
            bodies.add(response.getBody());
        }
        return bodies;
    }

    static RequestLogEntry entry() {
        return entry("/cards");
    }

    static RequestLogEntry entry(String path) {
        return new RequestLogEntry(RequestLogEntry.SCHEMA, UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), null, null, "127.0.0.1", "GET", path, null, 200, 1234,
                567, "test");
    }
}

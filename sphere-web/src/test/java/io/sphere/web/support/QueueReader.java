package io.sphere.web.support;

import java.util.ArrayList;
import java.util.List;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

import io.sphere.core.requestlog.RequestLogCodec;
import io.sphere.core.requestlog.RequestLogEntry;

/** Reads what the web published straight from RabbitMQ, as the worker would, without a worker in the test. */
public final class QueueReader {

    private QueueReader() {
    }

    public static List<RequestLogEntry> drain(String queue) {
        return drainMessages(queue).stream().flatMap(List::stream).toList();
    }

    /** Every message waiting, each with the entries it carries. */
    public static List<List<RequestLogEntry>> drainMessages(String queue) {
        List<List<RequestLogEntry>> entries = new ArrayList<>();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        try (Connection c = factory.newConnection("sphere-web-test"); Channel ch = c.createChannel()) {
            for (GetResponse r = ch.basicGet(queue, true); r != null; r = ch.basicGet(queue, true)) {
                entries.add(RequestLogCodec.decodeAll(r.getBody()));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read queue " + queue, e);
        }
        return entries;
    }

    public static void purge(String queue) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        try (Connection c = factory.newConnection("sphere-web-test"); Channel ch = c.createChannel()) {
            ch.queuePurge(queue);
        } catch (Exception e) {
            // the queue does not exist yet: nothing to purge
        }
    }
}

package io.sphere.core.messaging;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Several JSON documents in one AMQP message. RabbitMQ's cost is per message (store, index, delivery, ack), not per
 * byte, so sphere-web packs the request-log entries and audit events of a moment into one persistent message, a
 * JSON array of the same objects that travel alone. One document stays a bare object, which is also what releases
 * before the array sent: the worker reads both.
 */
public final class JsonBatch {

    private JsonBatch() {
    }

    /** One message body for the given encoded objects: the object itself when there is one, else an array. */
    public static byte[] join(List<byte[]> documents) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("nothing to join");
        }
        if (documents.size() == 1) {
            return documents.get(0);
        }
        int size = documents.size() + 1;
        for (byte[] d : documents) {
            size += d.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.write('[');
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(documents.get(i));
        }
        out.write(']');
        return out.toByteArray();
    }

    /** Whether a body is an array of documents rather than one. */
    public static boolean isArray(byte[] body) {
        for (byte b : body) {
            if (b == '[') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return false;
    }
}

package io.sphere.core.messaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;

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

    /** How a codec reads its documents: the type, its names in messages, its checks and its exception. */
    public record Reader<T>(ObjectMapper json, Class<T> type, String one, String many, UnaryOperator<T> check,
            Function<String, ? extends RuntimeException> malformed) {

        /** One document, parsed and checked. */
        public T read(byte[] body) {
            T value;
            try {
                value = json.readValue(body, type);
            } catch (IOException e) {
                throw malformed.apply("not " + one + ": " + firstLine(e.getMessage()));
            }
            return check.apply(value);
        }

        /**
         * A message body as published: one document or an array of them, each checked.
         *
         * @throws RuntimeException the codec's own, when the body or any document in it is incomplete
         */
        public List<T> readAll(byte[] body) {
            if (!isArray(body)) {
                return List.of(read(body));
            }
            List<T> values;
            try {
                values = json.readValue(body, json.getTypeFactory().constructCollectionType(List.class, type));
            } catch (IOException e) {
                throw malformed.apply("not a list of " + many + ": " + firstLine(e.getMessage()));
            }
            if (values.isEmpty()) {
                throw malformed.apply("an empty list of " + many);
            }
            List<T> checked = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                try {
                    checked.add(check.apply(values.get(i)));
                } catch (RuntimeException e) {
                    throw malformed.apply((i + 1) + " of " + values.size() + " " + many + ": " + e.getMessage());
                }
            }
            return checked;
        }

        private static String firstLine(String message) {
            return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        }
    }
}

package io.sphere.core.requestlog;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.sphere.core.messaging.JsonBatch;

/** JSON on the wire for {@link RequestLogEntry}; decoding checks everything the table needs. */
public final class RequestLogCodec {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final JsonBatch.Reader<RequestLogEntry> READER = new JsonBatch.Reader<>(JSON,
            RequestLogEntry.class, "a request-log entry", "request-log entries", RequestLogCodec::check,
            MalformedEntryException::new);

    private RequestLogCodec() {
    }

    public static byte[] encode(RequestLogEntry entry) {
        try {
            return JSON.writeValueAsBytes(entry);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot encode request-log entry " + entry.requestId(), e);
        }
    }

    /**
     * One message body, as the web publishes it: one entry or a {@link JsonBatch} array of them.
     *
     * @throws MalformedEntryException when the body, or any entry in it, is not a complete entry of a known schema
     */
    public static List<RequestLogEntry> decodeAll(byte[] body) {
        return READER.readAll(body);
    }

    /** @throws MalformedEntryException when the body is not a complete entry of a known schema */
    public static RequestLogEntry decode(byte[] body) {
        return READER.read(body);
    }

    private static RequestLogEntry check(RequestLogEntry e) {
        if (e == null || e.schema() != RequestLogEntry.SCHEMA) {
            throw new MalformedEntryException("unknown schema " + (e == null ? "null" : e.schema()));
        }
        if (e.requestId() == null || e.loggedAt() == null || e.method() == null || e.path() == null) {
            throw new MalformedEntryException("requestId, loggedAt, method and path are required");
        }
        if (e.status() < 100 || e.status() > 599 || e.durationMicros() < 0 || e.responseBytes() < 0) {
            throw new MalformedEntryException("status, duration or size out of range");
        }
        return e;
    }

    public static final class MalformedEntryException extends RuntimeException {
        public MalformedEntryException(String message) {
            super(message);
        }
    }
}

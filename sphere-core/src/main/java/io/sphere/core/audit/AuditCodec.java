package io.sphere.core.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.sphere.core.messaging.JsonBatch;

/** JSON for {@link AuditEvent}, in the outbox and on the wire; decoding checks everything the table needs. */
public final class AuditCodec {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final JsonBatch.Reader<AuditEvent> READER = new JsonBatch.Reader<>(JSON, AuditEvent.class,
            "an audit event", "audit events", AuditCodec::check, MalformedEventException::new);

    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    private AuditCodec() {
    }

    public static byte[] encode(AuditEvent event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot encode audit event " + event.eventId(), e);
        }
    }

    /**
     * The same JSON as {@link #encode}, written field by field with the streaming generator: every card change
     * encodes one event on the request's thread, and the data-binding path (reflection on the record's accessors)
     * was a quarter of the audit's cost there. {@code AuditCodecTest} holds the two to the same tree.
     */
    public static String encodeText(AuditEvent e) {
        StringWriter out = new StringWriter(768);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("schema", e.schema());
            g.writeStringField("eventId", string(e.eventId()));
            g.writeStringField("occurredAt", e.occurredAt() == null ? null : e.occurredAt().toString());
            g.writeStringField("action", e.action());
            number(g, "actorId", e.actorId());
            g.writeStringField("actorEmail", e.actorEmail());
            number(g, "cardId", e.cardId());
            g.writeStringField("cardKey", e.cardKey());
            number(g, "cardTypeId", e.cardTypeId());
            number(g, "cardVersion", e.cardVersion());
            g.writeStringField("requestId", string(e.requestId()));
            g.writeArrayFieldStart("changes");
            for (AuditChange c : e.changes()) {
                g.writeStartObject();
                g.writeStringField("field", c.field());
                g.writeStringField("kind", c.kind());
                tree(g, "from", c.from());
                tree(g, "to", c.to());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("detail");
            for (Map.Entry<String, String> d : e.detail().entrySet()) {
                g.writeStringField(d.getKey(), d.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException ex) {
            throw new IllegalArgumentException("Cannot encode audit event " + e.eventId(), ex);
        }
        return out.toString();
    }

    private static String string(UUID id) {
        return id == null ? null : id.toString();
    }

    private static void number(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.longValue());
        }
    }

    private static void tree(JsonGenerator g, String name, JsonNode node) throws IOException {
        g.writeFieldName(name);
        if (node == null) {
            g.writeNull();
        } else {
            JSON.writeTree(g, node);
        }
    }

    /**
     * One message body, as the relay publishes it: one event or a {@link JsonBatch} array of them.
     *
     * @throws MalformedEventException when the body, or any event in it, is not a complete event of a known schema
     */
    public static List<AuditEvent> decodeAll(byte[] body) {
        return READER.readAll(body);
    }

    /** @throws MalformedEventException when the body is not a complete event of a known schema */
    public static AuditEvent decode(byte[] body) {
        return READER.read(body);
    }

    private static AuditEvent check(AuditEvent e) {
        if (e == null || e.schema() != AuditEvent.SCHEMA) {
            throw new MalformedEventException("unknown schema " + (e == null ? "null" : e.schema()));
        }
        if (e.eventId() == null || e.occurredAt() == null || e.action() == null) {
            throw new MalformedEventException("eventId, occurredAt and action are required");
        }
        if (!ACTION.matcher(e.action()).matches()) {
            throw new MalformedEventException("action is not a name: " + abbreviate(e.action()));
        }
        if ((e.cardId() == null) != (e.cardKey() == null)) {
            throw new MalformedEventException("cardId and cardKey go together");
        }
        for (AuditChange c : e.changes()) {
            if (c == null || c.field() == null || c.field().isBlank() || c.kind() == null) {
                throw new MalformedEventException("every change needs a field and a kind");
            }
        }
        return e;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}

package io.sphere.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sphere.core.audit.AuditCodec;
import io.sphere.core.audit.AuditCodec.MalformedEventException;
import io.sphere.core.audit.AuditEvent;
import io.sphere.core.requestlog.RequestLogCodec;
import io.sphere.core.requestlog.RequestLogCodec.MalformedEntryException;
import io.sphere.core.requestlog.RequestLogEntry;

/** Several entries in one message body, and the old single-entry body, read alike. */
class JsonBatchTest {

    @Test
    void oneDocumentStaysABareObjectAndSeveralBecomeAnArray() {
        byte[] a = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] b = "{\"b\":2}".getBytes(StandardCharsets.UTF_8);

        assertThat(JsonBatch.join(List.of(a))).isSameAs(a);
        assertThat(new String(JsonBatch.join(List.of(a, b)), StandardCharsets.UTF_8))
                .isEqualTo("[{\"a\":1},{\"b\":2}]");
        assertThat(JsonBatch.isArray(a)).isFalse();
        assertThat(JsonBatch.isArray(" \n[{}]".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThatThrownBy(() -> JsonBatch.join(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestLogEntriesRoundTripPackedAndAlone() {
        List<RequestLogEntry> entries = List.of(entry("/a"), entry("/b"), entry("/c"));
        byte[] packed = JsonBatch.join(entries.stream().map(RequestLogCodec::encode).toList());

        assertThat(RequestLogCodec.decodeAll(packed)).isEqualTo(entries);
        assertThat(RequestLogCodec.decodeAll(RequestLogCodec.encode(entries.get(0)))).containsExactly(entries.get(0));
    }

    @Test
    void aPackedBodyIsRefusedWholeWhenAnyEntryIsIncompleteOrItIsEmpty() {
        byte[] oneBad = ("[" + new String(RequestLogCodec.encode(entry("/a")), StandardCharsets.UTF_8)
                + ",{\"schema\":1,\"method\":\"GET\"}]").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RequestLogCodec.decodeAll(oneBad)).isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("2 of 2 request-log entries");
        assertThatThrownBy(() -> RequestLogCodec.decodeAll("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEntryException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> RequestLogCodec.decodeAll("[{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEntryException.class);
    }

    @Test
    void auditEventsRoundTripPackedAndAlone() {
        List<AuditEvent> events = List.of(event("CARD_CREATED"), event("CARD_UPDATED"));
        byte[] packed = JsonBatch.join(events.stream().map(AuditCodec::encode).toList());

        assertThat(AuditCodec.decodeAll(packed)).extracting(AuditEvent::eventId)
                .containsExactly(events.get(0).eventId(), events.get(1).eventId());
        assertThat(AuditCodec.decodeAll(AuditCodec.encode(events.get(1)))).extracting(AuditEvent::action)
                .containsExactly("CARD_UPDATED");
        byte[] badAction = JsonBatch.join(List.of(AuditCodec.encode(events.get(0)), AuditCodec.encode(event(
                "not an action"))));
        assertThatThrownBy(() -> AuditCodec.decodeAll(badAction)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("2 of 2 audit events");
    }

    private static RequestLogEntry entry(String path) {
        return new RequestLogEntry(RequestLogEntry.SCHEMA, UUID.randomUUID(), Instant.parse("2026-12-01T10:00:00Z"),
                7L, "operator@example.com", "127.0.0.1", "GET", path, null, 200, 1234, 2345, "test");
    }

    private static AuditEvent event(String action) {
        return new AuditEvent(AuditEvent.SCHEMA, UUID.randomUUID(), Instant.parse("2026-12-01T10:00:00Z"), action,
                1L, "operator@example.com", 7L, "REQ-7", null, null, null, List.of(), Map.of());
    }
}

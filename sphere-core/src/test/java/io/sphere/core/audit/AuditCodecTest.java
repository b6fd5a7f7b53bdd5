package io.sphere.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The outbox's hand-written encoding is the data-binding one, field for field, and decodes to the same event. */
class AuditCodecTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void streamingEncodingIsTheDataBindingOne() throws Exception {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("transition", "start");
        detail.put("quote", "\"<b>\" & \\ ünïcode ✓\n");
        JsonNode money = NODES.objectNode().put("amount", "12.50").put("currency", "EUR");
        JsonNode options = NODES.arrayNode().add("a").add("b");
        AuditEvent full = new AuditEvent(AuditEvent.SCHEMA, UUID.randomUUID(),
                Instant.parse("2026-12-02T15:04:05.123456Z"), "CARD_UPDATED", 7L, "olga@example.com", 42L, "REQ-42",
                3L, 5L, UUID.randomUUID(), List.of(
                        new AuditChange("card.title", "TEXT", NODES.textNode("Old"), NODES.textNode("New")),
                        new AuditChange("count", "NUMBER", null, NODES.numberNode(3)),
                        new AuditChange("price", "MONEY", money, null),
                        new AuditChange("tags", "MULTI_SELECT", NODES.arrayNode(), options),
                        new AuditChange("done", "BOOLEAN", NODES.booleanNode(false), NODES.booleanNode(true))),
                detail);
        AuditEvent bare = new AuditEvent(AuditEvent.SCHEMA, UUID.randomUUID(), Instant.parse("2026-01-01T00:00:00Z"),
                "LOGIN_FAILED", null, null, null, null, null, null, null, null, null);

        for (AuditEvent e : List.of(full, bare)) {
            String streamed = AuditCodec.encodeText(e);
            String bound = AuditCodec.JSON.writeValueAsString(e);
            assertThat(AuditCodec.JSON.readTree(streamed)).isEqualTo(AuditCodec.JSON.readTree(bound));
            assertThat(AuditCodec.decode(streamed.getBytes(StandardCharsets.UTF_8))).isEqualTo(e);
        }
    }
}

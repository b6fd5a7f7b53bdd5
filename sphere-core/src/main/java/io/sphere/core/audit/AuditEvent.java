package io.sphere.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One audit event: the outbox row's payload, the message body (JSON) and, field by field, the audit_event row.
 * {@code schema} lets a worker refuse a body it does not understand instead of storing it wrongly. Card fields are
 * null for security events; {@code requestId} is null for changes made outside an HTTP request (CLI, worker).
 */
public record AuditEvent(int schema, UUID eventId, Instant occurredAt, String action, Long actorId,
        String actorEmail, Long cardId, String cardKey, Long cardTypeId, Long cardVersion, UUID requestId,
        List<AuditChange> changes, Map<String, String> detail) {

    public static final int SCHEMA = 1;

    public AuditEvent {
        changes = changes == null ? List.of() : List.copyOf(changes);
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }
}

package io.sphere.core.audit;

import java.util.UUID;

/**
 * Fired when an event enters the outbox. The web's relay observes it after the transaction succeeded
 * ({@code TransactionPhase.AFTER_SUCCESS}) to publish at once instead of at its next poll.
 */
public record AuditRecorded(UUID eventId) {
}

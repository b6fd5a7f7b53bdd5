package io.sphere.core.card;

import java.time.Instant;
import java.util.Optional;

import io.sphere.core.user.UserRef;

/** A card in a list. */
public record CardSummary(long id, String key, String typeKey, String typeName, String title, String stage,
        String stageName, boolean closed, Optional<UserRef> assignee, Priority priority, Optional<Instant> dueAt,
        boolean overdue, Instant createdAt, Instant updatedAt, long version) {
}

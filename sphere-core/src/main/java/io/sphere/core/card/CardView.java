package io.sphere.core.card;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.sphere.core.group.GroupRef;
import io.sphere.core.user.UserRef;

/**
 * A card as its page shows it. {@code fields} follow the type's current field order (removed fields left out);
 * {@code removedFields} hold values of fields the type no longer has, so nothing once entered disappears.
 * {@code version} goes back with every change. {@code transitions} are those the person the card was read for may
 * fire from its current stage, decided in the same transaction that read the card.
 */
public record CardView(long id, String key, long typeId, String typeKey, String typeName, long number, String title,
        List<FieldValueView> fields, List<FieldValueView> removedFields, String stage, String stageName,
        boolean closed, Optional<UserRef> assignee, Optional<GroupRef> candidateGroup, Priority priority,
        Optional<Instant> dueAt, boolean overdue, Optional<UserRef> createdBy, Instant createdAt,
        Optional<UserRef> updatedBy, Instant updatedAt, Optional<Instant> closedAt, List<UserRef> watchers,
        boolean watching, long version, List<TransitionView> transitions) {

    public Optional<FieldValueView> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst()
                .or(() -> removedFields.stream().filter(f -> f.key().equals(key)).findFirst());
    }
}

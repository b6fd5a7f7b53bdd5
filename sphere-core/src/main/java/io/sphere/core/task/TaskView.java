package io.sphere.core.task;

import java.time.Instant;
import java.util.Optional;

import io.sphere.core.card.CardRefs.CardRef;
import io.sphere.core.user.UserRef;

/** A task as the actor sees it, with what the actor may do to it right now (exactly the buttons to show). */
public record TaskView(long id, Optional<CardRef> card, String title, String description, Optional<UserRef> assignee,
        Optional<Long> candidateGroupId, Optional<String> candidateGroupName, Optional<Instant> dueAt,
        TaskStatus status, boolean overdue, Optional<UserRef> completedBy, Optional<Instant> completedAt,
        Optional<UserRef> createdBy, Instant createdAt, long version, Allowed allowed) {

    public record Allowed(boolean edit, boolean assign, boolean claim, boolean complete, boolean cancel,
            boolean reopen) {
    }

    public boolean open() {
        return status == TaskStatus.OPEN;
    }

    public String link() {
        return "/tasks/" + id;
    }
}

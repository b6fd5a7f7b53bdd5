package io.sphere.core.task;

import java.time.Instant;
import java.util.Optional;

import io.sphere.core.user.UserRef;

/** One line of a task's history. */
public record TaskEventView(TaskAction action, Optional<UserRef> actor, Optional<UserRef> from, Optional<UserRef> to,
        String reason, Instant at) {
}

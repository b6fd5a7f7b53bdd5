package io.sphere.core.task;

import java.time.Instant;

/**
 * What a person fills in for a task. {@code cardKey}: the card it belongs to, or null for a standalone task (only
 * read on create). {@code assigneeId} is only read on create; later changes go through assign, claim, reassign.
 */
public record TaskInput(String cardKey, String title, String description, Long assigneeId, Long candidateGroupId,
        Instant dueAt) {
}

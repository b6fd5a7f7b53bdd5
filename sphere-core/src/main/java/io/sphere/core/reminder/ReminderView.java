package io.sphere.core.reminder;

import java.time.Instant;
import java.util.Optional;

/** A reminder as its owner sees it; {@code subject} names the card or task, {@code link} opens it. */
public record ReminderView(long id, Optional<String> cardKey, Optional<Long> taskId, String subject, String link,
        Instant remindAt, String note, String status, Instant createdAt) {

    public boolean pending() {
        return "PENDING".equals(status);
    }
}

package io.sphere.core.notification;

import java.time.Instant;
import java.util.Optional;

/** One notification as its recipient sees it; {@code link} is the page it opens. */
public record NotificationView(long id, NotificationKind kind, String subject, String detail, String link,
        Optional<String> actorName, Optional<Instant> dueAt, Instant createdAt, boolean read) {
}

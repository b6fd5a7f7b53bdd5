package io.sphere.core.notification;

import java.util.List;
import java.util.Optional;

/** A page of notifications, newest first; {@code nextBefore} fetches the next (older) page. */
public record NotificationPage(List<NotificationView> items, long unread, Optional<Long> nextBefore) {
}

package io.sphere.core.notification;

/** What a notification tells; stored by name. */
public enum NotificationKind {
    /** A task or a card was given to you. */
    ASSIGNED,
    /** A task of yours is due within the configured window. */
    DUE_SOON,
    /** A task or card you are responsible for (or administer the type of) has passed its due moment. */
    OVERDUE,
    /** A card you watch moved to another stage. */
    TRANSITION,
    /** Someone commented on a card you watch. */
    COMMENT,
    /** The reminder you set yourself. */
    REMINDER
}

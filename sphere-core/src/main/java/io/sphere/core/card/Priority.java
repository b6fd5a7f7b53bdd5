package io.sphere.core.card;

/** How urgent a card is, lowest first; lists sort by this order. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}

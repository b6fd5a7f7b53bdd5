package io.sphere.core.group;

/** A group as other features name one (a card's candidate group): no member count, which costs a count to know. */
public record GroupRef(long id, String name) {
}

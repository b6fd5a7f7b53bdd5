package io.sphere.core.group;

/** A group as pages and the API show it. */
public record GroupView(long id, String name, String description, long memberCount) {
}

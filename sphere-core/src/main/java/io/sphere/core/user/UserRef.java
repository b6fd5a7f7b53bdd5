package io.sphere.core.user;

/** A user as other features show one: who created, updated, is assigned to or watches a card. */
public record UserRef(long id, String email, String displayName) {
}

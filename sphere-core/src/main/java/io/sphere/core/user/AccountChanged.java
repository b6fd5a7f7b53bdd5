package io.sphere.core.user;

/**
 * Fired in the transaction that changed what signing in with a token yields for a person: active or not, e-mail,
 * name, superuser, language, time zone. Whatever keeps such answers in memory forgets the person's when that
 * transaction ends (see {@code ApiTokenCache}).
 */
public record AccountChanged(long userId) {
}

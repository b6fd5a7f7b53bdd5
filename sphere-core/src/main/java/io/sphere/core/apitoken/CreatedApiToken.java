package io.sphere.core.apitoken;

/** A new token: {@code token} is shown to its owner this once and cannot be read again. */
public record CreatedApiToken(ApiTokenView view, String token) {
}

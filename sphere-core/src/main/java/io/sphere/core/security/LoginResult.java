package io.sphere.core.security;

import java.time.Instant;

/**
 * The outcome of a login attempt. A failure never says whether the e-mail exists, the password was wrong or the
 * account is locked or inactive: the same answer for all of them leaves nothing to enumerate.
 */
public sealed interface LoginResult {

    record Success(String token, SessionPrincipal principal, Instant expiresAt) implements LoginResult {
    }

    record Failure() implements LoginResult {
    }
}

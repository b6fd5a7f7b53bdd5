package io.sphere.core.user;

import java.time.Instant;
import java.util.Optional;

/** What the rest of Sphere may know about a user: never the password hash. */
public record UserView(long id, String email, String displayName, boolean superuser, boolean active,
        Optional<String> locale, String timeZone, Optional<Instant> lastLoginAt) {
}

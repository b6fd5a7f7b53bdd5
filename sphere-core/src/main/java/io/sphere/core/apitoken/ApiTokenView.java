package io.sphere.core.apitoken;

import java.time.Instant;
import java.util.Optional;

/** A token as its owner's profile page lists it: never the token itself, which is shown once. */
public record ApiTokenView(long id, String name, Instant createdAt, Optional<Instant> lastUsedAt,
        Optional<Instant> revokedAt) {

    public boolean active() {
        return revokedAt.isEmpty();
    }
}

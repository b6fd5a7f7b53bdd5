package io.sphere.core.cardtype;

import java.time.Instant;
import java.util.Optional;

/** One saved definition of a type, for its history page. */
public record CardTypeVersionView(int version, CardTypeDefinition definition, Optional<Long> createdBy,
        Instant createdAt) {
}

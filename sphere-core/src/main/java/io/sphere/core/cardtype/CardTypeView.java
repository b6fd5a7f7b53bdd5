package io.sphere.core.cardtype;

import java.time.Instant;

/**
 * A card type as the rest of Sphere sees it. {@code version} is the optimistic-lock version to send back with an
 * edit; {@code definitionVersion} counts saved definitions (1, 2, …).
 */
public record CardTypeView(long id, String key, String name, String description, CardTypeDefinition definition,
        int definitionVersion, long version, Instant createdAt, Instant updatedAt) {
}

package io.sphere.core.card;

import java.time.Instant;
import java.util.Map;

/**
 * What a card form or the API sends. {@code values} maps field keys to input: a String as a form sends it, or a
 * JSON-like value (Number, Boolean, List of Strings for a multi select, a user id). A blank or null value clears
 * the field. On update, fields whose key is absent from {@code values} keep their value; title, priority
 * ({@code null}: NORMAL), due date and candidate group are replaced. {@code assigneeId} is read on create only
 * (use {@link CardService#assign} afterwards).
 */
public record CardInput(String title, Map<String, Object> values, Priority priority, Instant dueAt,
        Long candidateGroupId, Long assigneeId) {

    public CardInput {
        values = values == null ? Map.of() : values;
    }

    public static CardInput of(String title, Map<String, Object> values) {
        return new CardInput(title, values, null, null, null, null);
    }
}

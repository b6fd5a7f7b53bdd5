package io.sphere.core.card;

import io.sphere.core.cardtype.FieldKind;

/**
 * One field of a card as shown: {@code value} is the stored value as a plain Java value (String, BigDecimal,
 * Boolean, Long user id, List of option values) or {@code null}; {@code display} is the text for people (option
 * labels, user names; dates stay ISO for the page to format in the user's zone).
 */
public record FieldValueView(String key, String label, FieldKind kind, Object value, String display,
        boolean removed) {
}

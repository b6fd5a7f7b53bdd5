package io.sphere.core.cardtype;

import java.math.BigDecimal;

/** Optional rules on a field's value; {@code null} means no rule. Lengths count characters. */
public record FieldValidation(Integer minLength, Integer maxLength, BigDecimal minValue, BigDecimal maxValue,
        String regex) {

    public static final FieldValidation NONE = new FieldValidation(null, null, null, null, null);
}

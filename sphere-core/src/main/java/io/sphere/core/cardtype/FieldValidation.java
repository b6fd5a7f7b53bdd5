package io.sphere.core.cardtype;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Optional rules on a field's value; {@code null} means no rule. Lengths count characters. Bounds are equal by
 * value, not by scale: {@code 1000} read back as {@code 1000.0} is the same rule, so re-importing or re-saving an
 * unchanged type makes no new version.
 */
public record FieldValidation(Integer minLength, Integer maxLength, BigDecimal minValue, BigDecimal maxValue,
        String regex) {

    public static final FieldValidation NONE = new FieldValidation(null, null, null, null, null);

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldValidation v && Objects.equals(minLength, v.minLength)
                && Objects.equals(maxLength, v.maxLength) && sameNumber(minValue, v.minValue)
                && sameNumber(maxValue, v.maxValue) && Objects.equals(regex, v.regex);
    }

    @Override
    public int hashCode() {
        return Objects.hash(minLength, maxLength, normal(minValue), normal(maxValue), regex);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static BigDecimal normal(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros();
    }
}

package io.sphere.core.cardtype;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class FieldValidationTest {

    @Test
    void boundsWrittenWithAnotherScaleAreTheSameRule() {
        FieldValidation integer = new FieldValidation(1, 10, new BigDecimal("0"), new BigDecimal("1000"), "x+");
        FieldValidation decimal = new FieldValidation(1, 10, new BigDecimal("0.00"), new BigDecimal("1000.0"), "x+");
        assertThat(decimal).isEqualTo(integer).hasSameHashCodeAs(integer);
    }

    @Test
    void differentBoundsOrRulesDiffer() {
        FieldValidation base = new FieldValidation(null, null, null, new BigDecimal("1000"), null);
        assertThat(base).isNotEqualTo(new FieldValidation(null, null, null, new BigDecimal("1000.5"), null))
                .isNotEqualTo(new FieldValidation(null, null, BigDecimal.ZERO, new BigDecimal("1000"), null))
                .isNotEqualTo(new FieldValidation(null, null, null, null, null))
                .isNotEqualTo(new FieldValidation(null, 5, null, new BigDecimal("1000"), null));
        assertThat(FieldValidation.NONE).isEqualTo(new FieldValidation(null, null, null, null, null));
    }
}

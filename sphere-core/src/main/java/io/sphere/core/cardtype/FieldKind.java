package io.sphere.core.cardtype;

/** What a field holds; the stored form of each kind is described in docs/card-type-format.md. */
public enum FieldKind {
    TEXT,
    LONG_TEXT,
    NUMBER,
    MONEY,
    DATE,
    DATE_TIME,
    BOOLEAN,
    SINGLE_SELECT,
    MULTI_SELECT,
    USER,
    EMAIL,
    URL;

    public boolean hasOptions() {
        return this == SINGLE_SELECT || this == MULTI_SELECT;
    }

    /** Kinds whose values are searched as text and may carry length and pattern rules. */
    public boolean isTextLike() {
        return this == TEXT || this == LONG_TEXT || this == EMAIL || this == URL;
    }

    public boolean isNumeric() {
        return this == NUMBER || this == MONEY;
    }

    /** The longest value accepted when the definition sets no maximum. */
    public int defaultMaxLength() {
        return switch (this) {
            case LONG_TEXT -> 20_000;
            case EMAIL -> 254;
            case URL -> 2_000;
            default -> 1_000;
        };
    }
}

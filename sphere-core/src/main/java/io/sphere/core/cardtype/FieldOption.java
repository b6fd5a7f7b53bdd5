package io.sphere.core.cardtype;

/**
 * One choice of a select field. {@code value} is what cards store and never changes; {@code label} is what people
 * see and may be renamed. A removed option is no longer offered, but cards that hold it still show its label.
 */
public record FieldOption(String value, String label, boolean removed) {

    public FieldOption withRemoved(boolean removed) {
        return new FieldOption(value, label, removed);
    }
}

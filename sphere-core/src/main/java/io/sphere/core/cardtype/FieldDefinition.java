package io.sphere.core.cardtype;

import java.util.List;
import java.util.Optional;

/**
 * One field of a card type. {@code key} is stable forever: cards store values under it. {@code defaultValue} is
 * written the way a form sends it (for a multi select: option values separated by commas). A removed field is
 * no longer on forms, but cards keep its value and show it among their removed fields.
 */
public record FieldDefinition(String key, String label, FieldKind kind, boolean required, String defaultValue,
        String help, FieldValidation validation, List<FieldOption> options, boolean removed) {

    public FieldDefinition {
        validation = validation == null ? FieldValidation.NONE : validation;
        options = options == null ? List.of() : List.copyOf(options);
    }

    public Optional<FieldOption> option(String value) {
        return options.stream().filter(o -> o != null && o.value() != null && o.value().equals(value)).findFirst();
    }

    public List<FieldOption> activeOptions() {
        return options.stream().filter(o -> !o.removed()).toList();
    }

    public FieldDefinition withRemoved(boolean removed) {
        return new FieldDefinition(key, label, kind, required, defaultValue, help, validation, options, removed);
    }

    public FieldDefinition withOptions(List<FieldOption> options) {
        return new FieldDefinition(key, label, kind, required, defaultValue, help, validation, options, removed);
    }
}

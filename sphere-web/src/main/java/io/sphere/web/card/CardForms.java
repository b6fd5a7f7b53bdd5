package io.sphere.web.card;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.ws.rs.core.MultivaluedMap;

import io.sphere.core.card.CardView;
import io.sphere.core.card.FieldValueView;
import io.sphere.core.cardtype.CardTypeDefinition;
import io.sphere.core.cardtype.FieldDefinition;
import io.sphere.core.cardtype.FieldKind;
import io.sphere.core.cardtype.FieldOption;
import io.sphere.core.user.UserRef;
import io.sphere.web.i18n.CardMsg;

/**
 * Turns a card type's fields into form controls and a posted form back into what core reads. Field inputs are named
 * {@code f.<key>}; their values travel as the form sends them ("form values"), so that input refused by core comes
 * back to the person exactly as typed.
 */
final class CardForms {

    static final String PREFIX = "f.";

    /** One option of a select or checkbox list. */
    public record Choice(String value, String label, boolean selected) {
    }

    /**
     * One field on a form. {@code control}: {@code input}, {@code textarea}, {@code select} or {@code checkboxes};
     * {@code inputType} is the HTML type of an {@code input}.
     */
    public record FieldInput(String key, String name, String id, String label, String kind, String control,
            String inputType, String step, boolean required, String help, String value, List<Choice> choices,
            Integer maxLength, String error) {

        public boolean hasError() {
            return error != null;
        }
    }

    private CardForms() {
    }

    /** Form values of a card's fields, for the edit form and to compare with what someone saved meanwhile. */
    static Map<String, List<String>> formValues(CardView card, UserTime time) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (FieldValueView f : card.fields()) {
            values.put(f.key(), formValue(f.kind(), f.value(), time));
        }
        return values;
    }

    static List<String> formValue(FieldKind kind, Object value, UserTime time) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (value instanceof BigDecimal d) {
            return List.of(d.toPlainString());
        }
        if (kind == FieldKind.DATE_TIME) {
            try {
                return List.of(time.input(Instant.parse(value.toString())));
            } catch (DateTimeParseException e) {
                return List.of(value.toString());
            }
        }
        return List.of(String.valueOf(value));
    }

    /** The defaults of a type's fields, as form values. */
    static Map<String, List<String>> defaults(CardTypeDefinition def) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (FieldDefinition f : def.activeFields()) {
            if (f.defaultValue() != null && !f.defaultValue().isBlank()) {
                values.put(f.key(), f.kind() == FieldKind.MULTI_SELECT
                        ? List.of(f.defaultValue().split(",")).stream().map(String::strip).toList()
                        : List.of(f.defaultValue()));
            }
        }
        return values;
    }

    /** The {@code f.*} inputs of a posted form, as typed. */
    static Map<String, List<String>> posted(MultivaluedMap<String, String> form) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        form.forEach((name, list) -> {
            if (name.startsWith(PREFIX)) {
                values.put(name.substring(PREFIX.length()),
                        list.stream().filter(Objects::nonNull).filter(s -> !s.isEmpty()).toList());
            }
        });
        return values;
    }

    /**
     * What core reads from posted form values: a list for a multi select, a UTC instant for a date-time typed in
     * the person's zone, the text itself otherwise. Inputs of unknown fields are passed on for core to refuse.
     */
    static Map<String, Object> toCore(CardTypeDefinition def, Map<String, List<String>> posted, UserTime time) {
        Map<String, Object> values = new LinkedHashMap<>();
        posted.forEach((key, list) -> {
            FieldKind kind = def.field(key).map(FieldDefinition::kind).orElse(FieldKind.TEXT);
            if (kind == FieldKind.MULTI_SELECT) {
                values.put(key, list);
                return;
            }
            String first = list.isEmpty() ? "" : list.get(0);
            if (kind == FieldKind.DATE_TIME) {
                values.put(key, time.parse(first).map(Instant::toString).orElse(first));
            } else {
                values.put(key, first);
            }
        });
        return values;
    }

    /** Controls for {@code fields}, filled with {@code values}; {@code errors} maps field keys to messages. */
    static List<FieldInput> inputs(List<FieldDefinition> fields, Map<String, List<String>> values,
            Map<String, String> errors, List<UserRef> people, CardMsg msg, String idPrefix) {
        List<FieldInput> inputs = new ArrayList<>();
        for (FieldDefinition f : fields) {
            List<String> value = values.getOrDefault(f.key(), List.of());
            String first = value.isEmpty() ? "" : value.get(0);
            String control = switch (f.kind()) {
                case LONG_TEXT -> "textarea";
                case SINGLE_SELECT, BOOLEAN, USER -> "select";
                case MULTI_SELECT -> "checkboxes";
                default -> "input";
            };
            String inputType = switch (f.kind()) {
                case NUMBER, MONEY -> "number";
                case DATE -> "date";
                case DATE_TIME -> "datetime-local";
                case EMAIL -> "email";
                case URL -> "url";
                default -> "text";
            };
            String step = switch (f.kind()) {
                case MONEY -> "0.01";
                case NUMBER -> "any";
                default -> null;
            };
            List<Choice> choices = switch (f.kind()) {
                case SINGLE_SELECT, MULTI_SELECT -> options(f, value);
                case BOOLEAN -> List.of(new Choice("true", msg.yes(), "true".equals(first)),
                        new Choice("false", msg.no(), "false".equals(first)));
                case USER -> users(people, first);
                default -> List.of();
            };
            Integer max = f.kind().isTextLike()
                    ? (f.validation().maxLength() != null ? f.validation().maxLength() : f.kind().defaultMaxLength())
                    : null;
            inputs.add(new FieldInput(f.key(), PREFIX + f.key(), idPrefix + f.key(), f.label(),
                    f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), control, inputType, step,
                    f.required(), f.help(), first, choices, max, errors.get(f.key())));
        }
        return inputs;
    }

    /** Active options, plus a removed one the card still holds so that saving keeps it. */
    private static List<Choice> options(FieldDefinition f, List<String> chosen) {
        List<Choice> choices = new ArrayList<>();
        for (FieldOption o : f.options()) {
            boolean selected = chosen.contains(o.value());
            if (!o.removed() || selected) {
                choices.add(new Choice(o.value(), o.label(), selected));
            }
        }
        return choices;
    }

    private static List<Choice> users(List<UserRef> people, String chosen) {
        List<Choice> choices = new ArrayList<>();
        boolean found = false;
        for (UserRef u : people) {
            boolean selected = String.valueOf(u.id()).equals(chosen);
            found |= selected;
            choices.add(new Choice(String.valueOf(u.id()), u.displayName() + " <" + u.email() + ">", selected));
        }
        if (!found && !chosen.isEmpty()) {
            choices.add(new Choice(chosen, "#" + chosen, true));
        }
        return choices;
    }
}

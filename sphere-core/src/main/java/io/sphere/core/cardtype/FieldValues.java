package io.sphere.core.cardtype;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.ValidationException.FieldError;
import io.sphere.core.user.EmailAddress;

/**
 * Turns what a form or the API sends into the stored form of a field's kind, and back into text for people.
 * Stored forms: TEXT/LONG_TEXT/EMAIL/URL strings; NUMBER a JSON number; MONEY a decimal string with two decimals;
 * DATE {@code yyyy-MM-dd}; DATE_TIME an ISO instant in UTC; BOOLEAN true/false; SINGLE_SELECT the option value;
 * MULTI_SELECT an array of option values; USER the user id as a number.
 */
public final class FieldValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> TRUE = Set.of("true", "on", "yes", "1");
    private static final Set<String> FALSE = Set.of("false", "off", "no", "0");

    private FieldValues() {
    }

    /**
     * The stored form of {@code raw}, or {@code null} when the input is empty (absent, blank, an empty list). A
     * problem is added to {@code errors} under the field's key and {@code null} returned. {@code current} is the
     * card's value before the change: a removed option or an inactive user it already holds may be kept.
     */
    public static JsonNode convert(FieldDefinition field, Object raw, JsonNode current, LongPredicate activeUser,
            List<FieldError> errors) {
        Object value = unwrap(raw);
        if (isEmpty(value)) {
            return null;
        }
        String key = field.key();
        return switch (field.kind()) {
            case TEXT, LONG_TEXT -> text(field, value.toString().strip(), errors);
            case EMAIL -> {
                String s = value.toString().strip();
                if (!EmailAddress.isValid(s)) {
                    errors.add(new FieldError(key, ErrorCode.FIELD_NOT_EMAIL, Map.of("value", abbreviate(s))));
                    yield null;
                }
                yield text(field, EmailAddress.normalize(s), errors);
            }
            case URL -> {
                String s = value.toString().strip();
                if (!isUrl(s)) {
                    errors.add(new FieldError(key, ErrorCode.FIELD_NOT_URL, Map.of("value", abbreviate(s))));
                    yield null;
                }
                yield text(field, s, errors);
            }
            case NUMBER -> {
                BigDecimal n = number(value);
                if (n == null) {
                    errors.add(new FieldError(key, ErrorCode.FIELD_NOT_NUMBER, Map.of("value", abbreviate(value))));
                    yield null;
                }
                yield range(field, n, errors)
                        ? NODES.numberNode(n.stripTrailingZeros().scale() < 0
                                ? n.setScale(0)
                                : n.stripTrailingZeros())
                        : null;
            }
            case MONEY -> {
                BigDecimal n = number(value);
                if (n == null || n.stripTrailingZeros().scale() > 2) {
                    errors.add(new FieldError(key, ErrorCode.FIELD_NOT_MONEY, Map.of("value", abbreviate(value))));
                    yield null;
                }
                yield range(field, n, errors) ? NODES.textNode(n.setScale(2).toPlainString()) : null;
            }
            case DATE -> {
                try {
                    yield NODES.textNode(LocalDate.parse(value.toString().strip()).toString());
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(key, ErrorCode.FIELD_NOT_DATE, Map.of("value", abbreviate(value))));
                    yield null;
                }
            }
            case DATE_TIME -> {
                Instant at = instant(value.toString().strip());
                if (at == null) {
                    errors.add(
                            new FieldError(key, ErrorCode.FIELD_NOT_DATE_TIME, Map.of("value", abbreviate(value))));
                    yield null;
                }
                yield NODES.textNode(at.toString());
            }
            case BOOLEAN -> {
                String s = value.toString().strip().toLowerCase(Locale.ROOT);
                if (TRUE.contains(s)) {
                    yield NODES.booleanNode(true);
                }
                if (FALSE.contains(s)) {
                    yield NODES.booleanNode(false);
                }
                errors.add(new FieldError(key, ErrorCode.FIELD_NOT_BOOLEAN, Map.of("value", abbreviate(value))));
                yield null;
            }
            case SINGLE_SELECT -> {
                String s = value.toString().strip();
                if (!offered(field, s, current)) {
                    errors.add(new FieldError(key, ErrorCode.FIELD_OPTION_UNKNOWN, Map.of("value", abbreviate(s))));
                    yield null;
                }
                yield NODES.textNode(s);
            }
            case MULTI_SELECT -> {
                Collection<?> items = value instanceof Collection<?> c ? c : List.of(value.toString().split(","));
                Set<String> chosen = new LinkedHashSet<>();
                for (Object item : items) {
                    String s = item == null ? "" : item.toString().strip();
                    if (s.isEmpty()) {
                        continue;
                    }
                    if (!offered(field, s, current)) {
                        errors.add(
                                new FieldError(key, ErrorCode.FIELD_OPTION_UNKNOWN, Map.of("value", abbreviate(s))));
                        yield null;
                    }
                    chosen.add(s);
                }
                if (chosen.isEmpty()) {
                    yield null;
                }
                ArrayNode array = NODES.arrayNode();
                chosen.forEach(array::add);
                yield array;
            }
            case USER -> {
                Long id = userId(value);
                boolean kept = id != null && current != null && current.isNumber() && current.asLong() == id;
                if (id == null || !(kept || activeUser.test(id))) {
                    errors.add(new FieldError(key, ErrorCode.FIELD_USER_UNKNOWN, Map.of("value", abbreviate(value))));
                    yield null;
                }
                yield NODES.numberNode(id);
            }
        };
    }

    /** The stored value as people read it: option labels for selects, the name for users (from {@code users}). */
    public static String display(FieldDefinition field, JsonNode stored, Map<Long, String> users) {
        if (stored == null || stored.isNull()) {
            return "";
        }
        return switch (field.kind()) {
            case SINGLE_SELECT -> label(field, stored.asText());
            case MULTI_SELECT -> {
                List<String> labels = new ArrayList<>();
                stored.forEach(v -> labels.add(label(field, v.asText())));
                yield String.join(", ", labels);
            }
            case USER -> users.getOrDefault(stored.asLong(), "#" + stored.asLong());
            case NUMBER -> stored.decimalValue().toPlainString();
            default -> stored.isTextual() ? stored.asText() : stored.toString();
        };
    }

    /** The stored value as a plain Java value: String, BigDecimal, Boolean, Long or a List of Strings. */
    public static Object plain(FieldDefinition field, JsonNode stored) {
        if (stored == null || stored.isNull()) {
            return null;
        }
        return switch (field.kind()) {
            case NUMBER -> stored.decimalValue();
            case BOOLEAN -> stored.asBoolean();
            case USER -> stored.asLong();
            case MULTI_SELECT -> {
                List<String> values = new ArrayList<>();
                stored.forEach(v -> values.add(v.asText()));
                yield List.copyOf(values);
            }
            default -> stored.asText();
        };
    }

    static Pattern compile(String regex) throws PatternSyntaxException {
        return Pattern.compile(regex);
    }

    private static JsonNode text(FieldDefinition field, String s, List<FieldError> errors) {
        FieldValidation v = field.validation();
        int length = s.codePointCount(0, s.length());
        int max = v.maxLength() != null ? v.maxLength() : field.kind().defaultMaxLength();
        if (length > max) {
            errors.add(new FieldError(field.key(), ErrorCode.FIELD_TOO_LONG, Map.of("max", max, "length", length)));
            return null;
        }
        if (v.minLength() != null && length < v.minLength()) {
            errors.add(new FieldError(field.key(), ErrorCode.FIELD_TOO_SHORT, Map.of("min", v.minLength())));
            return null;
        }
        if (v.regex() != null && !v.regex().isEmpty()) {
            try {
                if (!compile(v.regex()).matcher(s).matches()) {
                    errors.add(new FieldError(field.key(), ErrorCode.FIELD_PATTERN_MISMATCH,
                            Map.of("pattern", v.regex())));
                    return null;
                }
            } catch (PatternSyntaxException e) {
                errors.add(new FieldError(field.key(), ErrorCode.FIELD_REGEX_INVALID, Map.of("pattern", v.regex())));
                return null;
            }
        }
        return NODES.textNode(s);
    }

    private static boolean range(FieldDefinition field, BigDecimal n, List<FieldError> errors) {
        FieldValidation v = field.validation();
        if (v.minValue() != null && n.compareTo(v.minValue()) < 0) {
            errors.add(new FieldError(field.key(), ErrorCode.FIELD_BELOW_MIN,
                    Map.of("min", v.minValue().toPlainString())));
            return false;
        }
        if (v.maxValue() != null && n.compareTo(v.maxValue()) > 0) {
            errors.add(new FieldError(field.key(), ErrorCode.FIELD_ABOVE_MAX,
                    Map.of("max", v.maxValue().toPlainString())));
            return false;
        }
        return true;
    }

    private static boolean offered(FieldDefinition field, String value, JsonNode current) {
        var option = field.option(value);
        if (option.isEmpty()) {
            return false;
        }
        if (!option.get().removed()) {
            return true;
        }
        if (current == null) {
            return false;
        }
        if (current.isArray()) {
            for (JsonNode v : current) {
                if (v.asText().equals(value)) {
                    return true;
                }
            }
            return false;
        }
        return current.asText().equals(value);
    }

    private static String label(FieldDefinition field, String value) {
        return field.option(value).map(FieldOption::label).orElse(value);
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (!(value instanceof String)) {
            return null;
        }
        String s = ((String) value).strip().replace(" ", "").replace("\u00a0", "");
        if (s.indexOf(',') >= 0 && s.indexOf('.') < 0 && s.indexOf(',') == s.lastIndexOf(',')) {
            s = s.replace(',', '.');
        }
        if (s.isEmpty() || s.length() > 40 || !s.matches("[+-]?\\d*(\\.\\d*)?") || s.matches("[+-]?\\.?")) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static Long userId(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        String s = value.toString().strip();
        if (!s.matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(s);
    }

    private static boolean isUrl(String s) {
        if (s.length() > 2_000 || s.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Object unwrap(Object raw) {
        if (raw instanceof JsonNode node) {
            if (node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isArray()) {
                List<String> items = new ArrayList<>();
                node.forEach(n -> items.add(n.isValueNode() ? n.asText() : n.toString()));
                return items;
            }
            if (node.isNumber()) {
                return node.decimalValue();
            }
            return node.isValueNode() ? node.asText() : node.toString();
        }
        if (raw instanceof String[] array) {
            return List.of(array);
        }
        return raw;
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.stream().allMatch(i -> i == null || i.toString().isBlank()));
    }

    private static String abbreviate(Object value) {
        String s = value instanceof Collection<?> c
                ? c.stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(value);
        return s.length() > 50 ? s.substring(0, 50) + "…" : s;
    }
}

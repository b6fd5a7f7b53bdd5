package io.sphere.core.cardtype;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.PatternSyntaxException;

import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.error.ValidationException.FieldError;

/**
 * Checks a definition and names the first problem with its path ({@code stages[2].key}). The order is the order of
 * the form: fields, then stages, then transitions, then the shape of the workflow.
 */
final class DefinitionValidator {

    static final String KEY = "^[a-z][a-z0-9_]{0,39}$";
    static final String OPTION_VALUE = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$";
    static final int MAX_FIELDS = 200;
    static final int MAX_STAGES = 50;
    static final int MAX_TRANSITIONS = 200;
    static final int MAX_OPTIONS = 500;
    static final int MAX_LABEL = 200;
    static final int MAX_HELP = 1_000;
    static final int MAX_REGEX = 500;

    private DefinitionValidator() {
    }

    /**
     * @param groupExists
     *            whether a group id names a group
     * @param activeUser
     *            whether a user id names an active user (defaults of USER fields)
     */
    static void validate(CardTypeDefinition d, LongPredicate groupExists, LongPredicate activeUser) {
        if (d == null) {
            throw problem(ErrorCode.DEFINITION_MISSING, "definition", Map.of());
        }
        limit(d.fields().size(), MAX_FIELDS, "fields");
        limit(d.stages().size(), MAX_STAGES, "stages");
        limit(d.transitions().size(), MAX_TRANSITIONS, "transitions");
        Set<String> fieldKeys = new HashSet<>();
        for (int i = 0; i < d.fields().size(); i++) {
            field(d.fields().get(i), "fields[" + i + "]", fieldKeys, activeUser);
        }
        Set<String> stageKeys = new HashSet<>();
        int initial = -1;
        boolean anyFinal = false;
        for (int i = 0; i < d.stages().size(); i++) {
            StageDefinition s = d.stages().get(i);
            String path = "stages[" + i + "]";
            key(s.key(), path + ".key", stageKeys);
            label(s.name(), path + ".name");
            if (s.sla() != null && !s.sla().isBlank()
                    && (s.slaDuration().isEmpty() || s.slaDuration().get().isNegative()
                            || s.slaDuration().get().isZero())) {
                throw problem(ErrorCode.STAGE_SLA_INVALID, path + ".sla", Map.of("value", s.sla()));
            }
            if (s.initial()) {
                if (initial >= 0) {
                    throw problem(ErrorCode.STAGE_MANY_INITIAL, path + ".initial",
                            Map.of("stage", s.key(), "other", d.stages().get(initial).key()));
                }
                initial = i;
            }
            anyFinal |= s.isFinal();
        }
        if (initial < 0) {
            throw problem(ErrorCode.STAGE_NO_INITIAL, "stages", Map.of());
        }
        if (!anyFinal) {
            throw problem(ErrorCode.STAGE_NO_FINAL, "stages", Map.of());
        }
        Set<String> transitionKeys = new HashSet<>();
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (int i = 0; i < d.transitions().size(); i++) {
            TransitionDefinition t = d.transitions().get(i);
            String path = "transitions[" + i + "]";
            key(t.key(), path + ".key", transitionKeys);
            label(t.label(), path + ".label");
            if (t.from() == null || !stageKeys.contains(t.from())) {
                throw problem(ErrorCode.TRANSITION_STAGE_UNKNOWN, path + ".from",
                        Map.of("stage", String.valueOf(t.from())));
            }
            if (t.to() == null || !stageKeys.contains(t.to())) {
                throw problem(ErrorCode.TRANSITION_STAGE_UNKNOWN, path + ".to",
                        Map.of("stage", String.valueOf(t.to())));
            }
            for (int j = 0; j < t.allowedGroupIds().size(); j++) {
                Long g = t.allowedGroupIds().get(j);
                if (g == null || !groupExists.test(g)) {
                    throw problem(ErrorCode.TRANSITION_GROUP_UNKNOWN, path + ".allowedGroupIds[" + j + "]",
                            Map.of("group", String.valueOf(g)));
                }
            }
            for (int j = 0; j < t.requiredFields().size(); j++) {
                String f = t.requiredFields().get(j);
                if (f == null || d.field(f).filter(field -> !field.removed()).isEmpty()) {
                    throw problem(ErrorCode.TRANSITION_FIELD_UNKNOWN, path + ".requiredFields[" + j + "]",
                            Map.of("field", String.valueOf(f)));
                }
            }
            edges.computeIfAbsent(t.from(), k -> new ArrayList<>()).add(t.to());
        }
        Set<String> reached = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(d.stages().get(initial).key());
        while (!queue.isEmpty()) {
            String s = queue.poll();
            if (reached.add(s)) {
                queue.addAll(edges.getOrDefault(s, List.of()));
            }
        }
        for (int i = 0; i < d.stages().size(); i++) {
            if (!reached.contains(d.stages().get(i).key())) {
                throw problem(ErrorCode.STAGE_UNREACHABLE, "stages[" + i + "]",
                        Map.of("stage", d.stages().get(i).key()));
            }
        }
    }

    private static void field(FieldDefinition f, String path, Set<String> keys, LongPredicate activeUser) {
        key(f.key(), path + ".key", keys);
        label(f.label(), path + ".label");
        if (f.kind() == null) {
            throw problem(ErrorCode.FIELD_KIND_MISSING, path + ".kind", Map.of());
        }
        if (f.help() != null && f.help().length() > MAX_HELP) {
            throw problem(ErrorCode.DEFINITION_TOO_LONG, path + ".help", Map.of("max", MAX_HELP));
        }
        if (f.kind().hasOptions()) {
            if (f.options().isEmpty()) {
                throw problem(ErrorCode.FIELD_OPTIONS_MISSING, path + ".options", Map.of());
            }
            limit(f.options().size(), MAX_OPTIONS, path + ".options");
            Set<String> values = new HashSet<>();
            for (int j = 0; j < f.options().size(); j++) {
                FieldOption o = f.options().get(j);
                String at = path + ".options[" + j + "]";
                if (o == null) {
                    throw problem(ErrorCode.DEFINITION_MISSING, at, Map.of());
                }
                if (o.value() == null || !o.value().matches(OPTION_VALUE)) {
                    throw problem(ErrorCode.DEFINITION_KEY_INVALID, at + ".value",
                            Map.of("value", String.valueOf(o.value()), "pattern", OPTION_VALUE));
                }
                if (!values.add(o.value())) {
                    throw problem(ErrorCode.DEFINITION_KEY_DUPLICATE, at + ".value", Map.of("value", o.value()));
                }
                label(o.label(), at + ".label");
            }
        } else if (!f.options().isEmpty()) {
            throw problem(ErrorCode.FIELD_OPTIONS_NOT_ALLOWED, path + ".options", Map.of("kind", f.kind().name()));
        }
        FieldValidation v = f.validation();
        if ((v.minLength() != null && v.minLength() < 0) || (v.maxLength() != null && v.maxLength() < 1)) {
            throw problem(ErrorCode.FIELD_RANGE_INVALID, path + ".validation." + (v.minLength() != null
                    && v.minLength() < 0 ? "minLength" : "maxLength"), Map.of());
        }
        if (v.minLength() != null && v.maxLength() != null && v.minLength() > v.maxLength()) {
            throw problem(ErrorCode.FIELD_RANGE_INVALID, path + ".validation.minLength",
                    Map.of("min", v.minLength(), "max", v.maxLength()));
        }
        if (v.maxLength() != null && v.maxLength() > f.kind().defaultMaxLength()) {
            throw problem(ErrorCode.FIELD_RANGE_INVALID, path + ".validation.maxLength",
                    Map.of("max", f.kind().defaultMaxLength()));
        }
        BigDecimal min = v.minValue();
        BigDecimal max = v.maxValue();
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw problem(ErrorCode.FIELD_RANGE_INVALID, path + ".validation.minValue",
                    Map.of("min", min.toPlainString(), "max", max.toPlainString()));
        }
        if (v.regex() != null && !v.regex().isEmpty()) {
            if (v.regex().length() > MAX_REGEX) {
                throw problem(ErrorCode.DEFINITION_TOO_LONG, path + ".validation.regex", Map.of("max", MAX_REGEX));
            }
            try {
                FieldValues.compile(v.regex());
            } catch (PatternSyntaxException e) {
                throw problem(ErrorCode.FIELD_REGEX_INVALID, path + ".validation.regex",
                        Map.of("pattern", v.regex(), "detail", e.getDescription()));
            }
        }
        if (f.defaultValue() != null && !f.defaultValue().isBlank()) {
            List<FieldError> errors = new ArrayList<>();
            FieldValues.convert(f, f.defaultValue(), null, activeUser, errors);
            if (!errors.isEmpty()) {
                throw problem(ErrorCode.FIELD_DEFAULT_INVALID, path + ".defaultValue",
                        Map.of("value", f.defaultValue(), "problem", errors.get(0).code().key()));
            }
        }
    }

    private static void key(String key, String path, Set<String> seen) {
        if (key == null || !key.matches(KEY)) {
            throw problem(ErrorCode.DEFINITION_KEY_INVALID, path, Map.of("value", String.valueOf(key), "pattern", KEY));
        }
        if (!seen.add(key)) {
            throw problem(ErrorCode.DEFINITION_KEY_DUPLICATE, path, Map.of("value", key));
        }
    }

    private static void label(String label, String path) {
        if (label == null || label.isBlank()) {
            throw problem(ErrorCode.DEFINITION_LABEL_MISSING, path, Map.of());
        }
        if (label.length() > MAX_LABEL) {
            throw problem(ErrorCode.DEFINITION_TOO_LONG, path, Map.of("max", MAX_LABEL));
        }
    }

    private static void limit(int size, int max, String path) {
        if (size > max) {
            throw problem(ErrorCode.DEFINITION_TOO_LONG, path, Map.of("max", max));
        }
    }

    static SphereException problem(ErrorCode code, String path, Map<String, Object> args) {
        return new SphereException(code, path, args);
    }
}

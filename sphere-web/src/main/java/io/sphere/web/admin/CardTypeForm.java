package io.sphere.web.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;

import io.sphere.core.cardtype.CardTypeDefinition;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.cardtype.FieldDefinition;
import io.sphere.core.cardtype.FieldKind;
import io.sphere.core.cardtype.FieldOption;
import io.sphere.core.cardtype.FieldValidation;
import io.sphere.core.cardtype.StageDefinition;
import io.sphere.core.cardtype.TransitionDefinition;
import io.sphere.web.i18n.AdminMsg;

/**
 * The card type editor as the browser sends it: indexed rows ({@code f0.key}, {@code s1.name}, {@code t2.from}) that
 * round-trip the whole form, so that adding, removing and moving rows works without JavaScript and never loses
 * input. Rows are in the order of the definition, so core's paths ({@code fields[2].validation.regex}) point at them.
 */
public final class CardTypeForm {

    static final int MAX_ROWS = 200;
    private static final Pattern ROW_OP = Pattern.compile("^(remove|up|down)-(field|stage|transition)-(\\d{1,3})$");

    /** One field row; {@code error} is the message shown next to it and {@code errorOn} the input at fault. */
    public static final class FieldRow {
        public String key = "";
        public String label = "";
        public String kind = FieldKind.TEXT.name();
        public boolean required;
        public String defaultValue = "";
        public String help = "";
        public String minLength = "";
        public String maxLength = "";
        public String minValue = "";
        public String maxValue = "";
        public String regex = "";
        public String options = "";
        public String error;
        public String errorOn;
    }

    public static final class StageRow {
        public String key = "";
        public String name = "";
        public boolean initial;
        public boolean isFinal;
        public String sla = "";
        public String error;
        public String errorOn;
    }

    public static final class TransitionRow {
        public String key = "";
        public String from = "";
        public String to = "";
        public String label = "";
        public String requiredFields = "";
        public Set<Long> groups = new LinkedHashSet<>();
        public String error;
        public String errorOn;

        public boolean allows(long groupId) {
            return groups.contains(groupId);
        }
    }

    String key = "";
    String name = "";
    String description = "";
    long version;
    final List<FieldRow> fields = new ArrayList<>();
    final List<StageRow> stages = new ArrayList<>();
    final List<TransitionRow> transitions = new ArrayList<>();
    boolean invalid;

    /** A new type starts with the smallest workflow that saves: one initial and one final stage joined. */
    static CardTypeForm blank() {
        CardTypeForm form = new CardTypeForm();
        form.fields.add(new FieldRow());
        StageRow open = new StageRow();
        open.key = "new";
        open.name = "New";
        open.initial = true;
        StageRow done = new StageRow();
        done.key = "done";
        done.name = "Done";
        done.isFinal = true;
        form.stages.add(open);
        form.stages.add(done);
        TransitionRow finish = new TransitionRow();
        finish.key = "finish";
        finish.from = "new";
        finish.to = "done";
        finish.label = "Finish";
        form.transitions.add(finish);
        return form;
    }

    /** The editor for a saved type: removed fields and options stay out of sight, core keeps them. */
    static CardTypeForm of(CardTypeView type) {
        CardTypeForm form = new CardTypeForm();
        form.key = type.key();
        form.name = type.name();
        form.description = type.description() == null ? "" : type.description();
        form.version = type.version();
        CardTypeDefinition d = type.definition();
        for (FieldDefinition f : d.activeFields()) {
            FieldRow r = new FieldRow();
            r.key = f.key();
            r.label = f.label();
            r.kind = f.kind().name();
            r.required = f.required();
            r.defaultValue = text(f.defaultValue());
            r.help = text(f.help());
            FieldValidation v = f.validation();
            r.minLength = text(v.minLength());
            r.maxLength = text(v.maxLength());
            r.minValue = v.minValue() == null ? "" : v.minValue().toPlainString();
            r.maxValue = v.maxValue() == null ? "" : v.maxValue().toPlainString();
            r.regex = text(v.regex());
            r.options = f.activeOptions().stream().map(o -> o.value() + " = " + o.label())
                    .collect(Collectors.joining("\n"));
            form.fields.add(r);
        }
        for (StageDefinition s : d.stages()) {
            StageRow r = new StageRow();
            r.key = s.key();
            r.name = s.name();
            r.initial = s.initial();
            r.isFinal = s.isFinal();
            r.sla = text(s.sla());
            form.stages.add(r);
        }
        for (TransitionDefinition t : d.transitions()) {
            TransitionRow r = new TransitionRow();
            r.key = t.key();
            r.from = t.from();
            r.to = t.to();
            r.label = t.label();
            r.requiredFields = String.join(", ", t.requiredFields());
            r.groups.addAll(t.allowedGroupIds());
            form.transitions.add(r);
        }
        return form;
    }

    /** Reads the rows back exactly as typed; nothing is validated here but the shape of numbers. */
    static CardTypeForm read(MultivaluedMap<String, String> in) {
        CardTypeForm form = new CardTypeForm();
        form.key = value(in, "key");
        form.name = value(in, "name");
        form.description = value(in, "description");
        String version = value(in, "version");
        form.version = version.matches("\\d{1,18}") ? Long.parseLong(version) : 0;
        int fieldCount = count(in, "fieldCount");
        for (int i = 0; i < fieldCount; i++) {
            String p = "f" + i + ".";
            FieldRow r = new FieldRow();
            r.key = value(in, p + "key");
            r.label = value(in, p + "label");
            r.kind = value(in, p + "kind");
            r.required = in.containsKey(p + "required");
            r.defaultValue = value(in, p + "default");
            r.help = value(in, p + "help");
            r.minLength = value(in, p + "minLength");
            r.maxLength = value(in, p + "maxLength");
            r.minValue = value(in, p + "minValue");
            r.maxValue = value(in, p + "maxValue");
            r.regex = value(in, p + "regex");
            r.options = value(in, p + "options");
            form.fields.add(r);
        }
        String initial = value(in, "initial");
        int stageCount = count(in, "stageCount");
        for (int i = 0; i < stageCount; i++) {
            String p = "s" + i + ".";
            StageRow r = new StageRow();
            r.key = value(in, p + "key");
            r.name = value(in, p + "name");
            r.initial = initial.equals(String.valueOf(i));
            r.isFinal = in.containsKey(p + "final");
            r.sla = value(in, p + "sla");
            form.stages.add(r);
        }
        int transitionCount = count(in, "transitionCount");
        Pattern group = Pattern.compile("^t(\\d{1,3})\\.group\\.(\\d{1,18})$");
        for (int i = 0; i < transitionCount; i++) {
            String p = "t" + i + ".";
            TransitionRow r = new TransitionRow();
            r.key = value(in, p + "key");
            r.from = value(in, p + "from");
            r.to = value(in, p + "to");
            r.label = value(in, p + "label");
            r.requiredFields = value(in, p + "required");
            form.transitions.add(r);
        }
        for (String name : in.keySet()) {
            Matcher m = group.matcher(name);
            if (m.matches() && Integer.parseInt(m.group(1)) < form.transitions.size()) {
                form.transitions.get(Integer.parseInt(m.group(1))).groups.add(Long.parseLong(m.group(2)));
            }
        }
        return form;
    }

    /**
     * Applies a row button ({@code add-field}, {@code remove-stage-2}, {@code up-transition-1}…); false when
     * {@code op} is not one, which means "save".
     */
    boolean apply(String op) {
        if (op == null) {
            return false;
        }
        switch (op) {
            case "add-field" -> {
                if (fields.size() < MAX_ROWS) {
                    fields.add(new FieldRow());
                }
                return true;
            }
            case "add-stage" -> {
                if (stages.size() < MAX_ROWS) {
                    stages.add(new StageRow());
                }
                return true;
            }
            case "add-transition" -> {
                if (transitions.size() < MAX_ROWS) {
                    transitions.add(new TransitionRow());
                }
                return true;
            }
            default -> {
                Matcher m = ROW_OP.matcher(op);
                if (!m.matches()) {
                    return false;
                }
                List<?> rows = switch (m.group(2)) {
                    case "field" -> fields;
                    case "stage" -> stages;
                    default -> transitions;
                };
                int i = Integer.parseInt(m.group(3));
                if (i >= rows.size()) {
                    return true;
                }
                switch (m.group(1)) {
                    case "remove" -> rows.remove(i);
                    case "up" -> {
                        if (i > 0) {
                            Collections.swap(rows, i, i - 1);
                        }
                    }
                    default -> {
                        if (i + 1 < rows.size()) {
                            Collections.swap(rows, i, i + 1);
                        }
                    }
                }
                return true;
            }
        }
    }

    /**
     * The definition these rows describe, or null when a row holds something that is not even the right shape (a
     * letter in a number); those rows then carry their message.
     */
    CardTypeDefinition toDefinition(AdminMsg msg) {
        List<FieldDefinition> defs = new ArrayList<>();
        for (FieldRow r : fields) {
            FieldKind kind = kind(r.kind);
            if (kind == null) {
                mark(r, "kind", msg.type_error_kind());
                continue;
            }
            Integer minLength = integer(r, "minLength", r.minLength, msg);
            Integer maxLength = integer(r, "maxLength", r.maxLength, msg);
            BigDecimal minValue = decimal(r, "minValue", r.minValue, msg);
            BigDecimal maxValue = decimal(r, "maxValue", r.maxValue, msg);
            List<FieldOption> options = new ArrayList<>();
            if (kind.hasOptions()) {
                for (String line : r.options.split("\\R")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    int eq = line.indexOf('=');
                    String value = (eq < 0 ? line : line.substring(0, eq)).strip();
                    String label = (eq < 0 ? line : line.substring(eq + 1)).strip();
                    options.add(new FieldOption(value, label, false));
                }
            }
            defs.add(new FieldDefinition(r.key, r.label, kind, r.required, blankToNull(r.defaultValue),
                    blankToNull(r.help), new FieldValidation(minLength, maxLength, minValue, maxValue,
                            blankToNull(r.regex)),
                    options, false));
        }
        List<StageDefinition> stageDefs = stages.stream()
                .map(s -> new StageDefinition(s.key, s.name, s.initial, s.isFinal, blankToNull(s.sla))).toList();
        List<TransitionDefinition> transitionDefs = transitions.stream()
                .map(t -> new TransitionDefinition(t.key, t.from, t.to, t.label, List.copyOf(t.groups),
                        splitKeys(t.requiredFields)))
                .toList();
        return invalid ? null : new CardTypeDefinition(defs, stageDefs, transitionDefs);
    }

    /** Puts core's message next to the row its path names; false when the path names no row. */
    boolean place(String path, String message) {
        Matcher m = Pattern.compile("^(?:definition\\.)?(fields|stages|transitions)\\[(\\d+)\\](?:\\.(.+))?$")
                .matcher(path == null ? "" : path);
        if (!m.matches()) {
            return false;
        }
        int i = Integer.parseInt(m.group(2));
        String on = m.group(3) == null ? "" : m.group(3).replaceAll("\\[\\d+\\].*$", "").replace("validation.", "");
        switch (m.group(1)) {
            case "fields" -> {
                if (i >= fields.size()) {
                    return false;
                }
                FieldRow r = fields.get(i);
                r.error = message;
                r.errorOn = on.equals("defaultValue") ? "default" : on;
            }
            case "stages" -> {
                if (i >= stages.size()) {
                    return false;
                }
                stages.get(i).error = message;
                stages.get(i).errorOn = on;
            }
            default -> {
                if (i >= transitions.size()) {
                    return false;
                }
                transitions.get(i).error = message;
                transitions.get(i).errorOn = on.equals("requiredFields")
                        ? "required"
                        : on.equals("allowedGroupIds") ? "groups" : on;
            }
        }
        return true;
    }

    /** Stage keys typed so far, for the from/to choices of transitions. */
    List<String> stageKeys() {
        List<String> keys = new ArrayList<>();
        stages.stream().map(s -> s.key.strip()).filter(k -> !k.isEmpty() && !keys.contains(k)).forEach(keys::add);
        return keys;
    }

    private void mark(FieldRow row, String on, String message) {
        invalid = true;
        if (row.error == null) {
            row.error = message;
            row.errorOn = on;
        }
    }

    private Integer integer(FieldRow r, String on, String text, AdminMsg msg) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            mark(r, on, msg.type_error_whole_number());
            return null;
        }
    }

    private BigDecimal decimal(FieldRow r, String on, String text, AdminMsg msg) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            mark(r, on, msg.type_error_number());
            return null;
        }
    }

    private static FieldKind kind(String text) {
        try {
            return FieldKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> splitKeys(String text) {
        List<String> keys = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isBlank()) {
                keys.add(part.strip());
            }
        }
        return keys;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static String value(MultivaluedMap<String, String> in, String name) {
        String v = in.getFirst(name);
        return v == null ? "" : v;
    }

    private static int count(MultivaluedMap<String, String> in, String name) {
        String v = value(in, name);
        return v.matches("\\d{1,3}") ? Math.min(Integer.parseInt(v), MAX_ROWS) : 0;
    }
}

package io.sphere.core.card;

import java.util.Locale;
import java.util.Map;

import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;

/** A list's order: a column and a direction; ties are broken by card id in the same direction. */
public record CardSort(Column column, boolean descending) {

    public static final CardSort DEFAULT = new CardSort(Column.UPDATED, true);

    public enum Column {
        UPDATED("c.updated_at", "timestamptz"),
        CREATED("c.created_at", "timestamptz"),
        KEY("c.number",
                "bigint"),
        TITLE("c.title", "text"),
        PRIORITY("c.priority_rank", "smallint"),
        /** Cards without a due date come last when ascending. */
        DUE("COALESCE(c.due_at, 'infinity'::timestamptz)", "timestamptz"),
        /** By the stage's key, which groups the cards of each stage together. */
        STAGE("c.stage", "text"),
        /** By the assignee's name; unassigned cards come first when ascending. */
        ASSIGNEE("COALESCE((SELECT u.display_name FROM app_user u WHERE u.id = c.assignee_id), '')", "text"),
        /** By the card type's name. */
        TYPE("(SELECT t.name FROM card_type t WHERE t.id = c.card_type_id)", "text");

        final String expression;
        final String sqlType;

        Column(String expression, String sqlType) {
            this.expression = expression;
            this.sqlType = sqlType;
        }
    }

    public CardSort {
        column = column == null ? Column.UPDATED : column;
    }

    /** Reads the URL form: {@code updated} (ascending) or {@code -updated} (descending); blank → DEFAULT. */
    public static CardSort parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT;
        }
        String s = raw.strip();
        boolean desc = s.startsWith("-");
        try {
            return new CardSort(Column.valueOf(s.substring(desc ? 1 : 0).toUpperCase(Locale.ROOT)), desc);
        } catch (IllegalArgumentException e) {
            throw new SphereException(ErrorCode.FILTER_INVALID, "sort", Map.of("value", raw));
        }
    }

    /** The URL form, the inverse of {@link #parse(String)}. */
    public String format() {
        return (descending ? "-" : "") + column.name().toLowerCase(Locale.ROOT);
    }
}

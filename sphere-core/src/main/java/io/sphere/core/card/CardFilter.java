package io.sphere.core.card;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a card list asks for; every {@code null} means "no restriction". Ranges are half-open [from, to).
 * {@code fieldEquals} needs {@code typeKey}: values are read with the type's field kinds. {@code text} matches
 * words of the key, title and text fields by prefix ("prin" finds "printer").
 */
public record CardFilter(String typeKey, Scope scope, String stage, Long assigneeId, Boolean overdue, Boolean open,
        Priority priority, Instant createdFrom, Instant createdTo, Instant updatedFrom, Instant updatedTo,
        Map<String, Object> fieldEquals, String text) {

    /** Whose cards: all the actor may view, assigned to them, watched by them, or queued for one of their groups. */
    public enum Scope {
        ALL_VISIBLE,
        ASSIGNED_TO_ME,
        WATCHING,
        MY_GROUPS
    }

    public CardFilter {
        scope = scope == null ? Scope.ALL_VISIBLE : scope;
        fieldEquals = fieldEquals == null ? Map.of() : Map.copyOf(fieldEquals);
    }

    public static CardFilter all() {
        return new CardFilter(null, Scope.ALL_VISIBLE, null, null, null, null, null, null, null, null, null, Map.of(),
                null);
    }

    public CardFilter type(String typeKey) {
        return new CardFilter(typeKey, scope, stage, assigneeId, overdue, open, priority, createdFrom, createdTo,
                updatedFrom, updatedTo, fieldEquals, text);
    }

    public CardFilter scope(Scope scope) {
        return new CardFilter(typeKey, scope, stage, assigneeId, overdue, open, priority, createdFrom, createdTo,
                updatedFrom, updatedTo, fieldEquals, text);
    }

    public CardFilter stage(String stage) {
        return new CardFilter(typeKey, scope, stage, assigneeId, overdue, open, priority, createdFrom, createdTo,
                updatedFrom, updatedTo, fieldEquals, text);
    }

    public CardFilter assignee(Long assigneeId) {
        return new CardFilter(typeKey, scope, stage, assigneeId, overdue, open, priority, createdFrom, createdTo,
                updatedFrom, updatedTo, fieldEquals, text);
    }

    public CardFilter overdue(Boolean overdue) {
        return new CardFilter(typeKey, scope, stage, assigneeId, overdue, open, priority, createdFrom, createdTo,
                updatedFrom, updatedTo, fieldEquals, text);
    }

    public CardFilter open(Boolean open) {
        return new CardFilter(typeKey, scope, stage, assigneeId, overdue, open, priority, createdFrom, createdTo,
                updatedFrom, updatedTo, fieldEquals, text);
    }

    public CardFilter priority(Priority priority) {
        return new CardFilter(typeKey, scope, stage, assigneeId, overdue, open, priority, createdFrom, createdTo,
                updatedFrom, updatedTo, fieldEquals, text);
    }

    public CardFilter created(Instant from, Instant to) {
        return new CardFilter(typeKey, scope, stage, assigneeId, overdue, open, priority, from, to, updatedFrom,
                updatedTo, fieldEquals, text);
    }

    public CardFilter updated(Instant from, Instant to) {
        return new CardFilter(typeKey, scope, stage, assigneeId, overdue, open, priority, createdFrom, createdTo,
                from, to, fieldEquals, text);
    }

    public CardFilter field(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>(fieldEquals);
        map.put(key, value);
        return new CardFilter(typeKey, scope, stage, assigneeId, overdue, open, priority, createdFrom, createdTo,
                updatedFrom, updatedTo, map, text);
    }

    public CardFilter text(String text) {
        return new CardFilter(typeKey, scope, stage, assigneeId, overdue, open, priority, createdFrom, createdTo,
                updatedFrom, updatedTo, fieldEquals, text);
    }
}

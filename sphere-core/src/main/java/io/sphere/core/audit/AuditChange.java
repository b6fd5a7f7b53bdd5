package io.sphere.core.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One changed field: old and new value in the stored form of the field's kind (see docs/card-type-format.md), so
 * that the history renders them by type and "view as of" can replay them. {@code field} is a field key of the card
 * type, or one of the card's own attributes ({@code card.title}, {@code card.stage}…), which a field key cannot
 * collide with because field keys have no dot. {@code kind} is a {@code FieldKind} name, or for the card's own
 * attributes STAGE, PRIORITY or GROUP. A {@code null} side means "empty".
 */
public record AuditChange(String field, String kind, JsonNode from, JsonNode to) {

    public static final String TITLE = "card.title";
    public static final String STAGE = "card.stage";
    public static final String ASSIGNEE = "card.assignee";
    public static final String PRIORITY = "card.priority";
    public static final String DUE_AT = "card.dueAt";
    public static final String CANDIDATE_GROUP = "card.candidateGroup";

    public AuditChange {
        from = from == null || from.isNull() ? null : from;
        to = to == null || to.isNull() ? null : to;
    }

    /** Derived from {@code field}, so not written into the JSON (it was, until the outbox encoder was written). */
    @JsonIgnore
    public boolean isCardAttribute() {
        return field.startsWith("card.");
    }
}

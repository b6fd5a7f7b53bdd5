package io.sphere.core.card;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sphere.core.audit.AuditChange;
import io.sphere.core.cardtype.CardTypeDefinition;
import io.sphere.core.cardtype.FieldDefinition;
import io.sphere.core.cardtype.FieldKind;

/** The field-level difference between two states of a card, for its audit event. */
final class CardDiff {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What the audit trail knows of a card at one moment. */
    record Snapshot(String title, ObjectNode values, String stage, Long assigneeId, Priority priority, Instant dueAt,
            Long candidateGroupId) {

        static final Snapshot NONE = new Snapshot(null, NODES.objectNode(), null, null, null, null, null);

        static Snapshot of(Card c, ObjectNode values) {
            return new Snapshot(c.title(), values.deepCopy(), c.stage(), c.assigneeId(), c.priority(), c.dueAt(),
                    c.candidateGroupId());
        }
    }

    private CardDiff() {
    }

    static List<AuditChange> between(Snapshot before, Snapshot after, CardTypeDefinition def) {
        List<AuditChange> changes = new ArrayList<>();
        add(changes, AuditChange.TITLE, FieldKind.TEXT.name(), text(before.title()), text(after.title()));
        add(changes, AuditChange.STAGE, "STAGE", text(before.stage()), text(after.stage()));
        add(changes, AuditChange.ASSIGNEE, FieldKind.USER.name(), number(before.assigneeId()),
                number(after.assigneeId()));
        add(changes, AuditChange.PRIORITY, "PRIORITY", text(before.priority() == null
                ? null
                : before.priority()
                        .name()),
                text(after.priority() == null ? null : after.priority().name()));
        add(changes, AuditChange.DUE_AT, FieldKind.DATE_TIME.name(), instant(before.dueAt()),
                instant(after.dueAt()));
        add(changes, AuditChange.CANDIDATE_GROUP, "GROUP", number(before.candidateGroupId()),
                number(after.candidateGroupId()));
        TreeSet<String> keys = new TreeSet<>();
        before.values().fieldNames().forEachRemaining(keys::add);
        after.values().fieldNames().forEachRemaining(keys::add);
        List<String> ordered = new ArrayList<>();
        for (FieldDefinition f : def.fields()) {
            if (keys.remove(f.key())) {
                ordered.add(f.key());
            }
        }
        ordered.addAll(keys);
        for (String key : ordered) {
            String kind = def.field(key).map(f -> f.kind().name()).orElse(FieldKind.TEXT.name());
            add(changes, key, kind, before.values().get(key), after.values().get(key));
        }
        return changes;
    }

    private static void add(List<AuditChange> changes, String field, String kind, JsonNode from, JsonNode to) {
        JsonNode a = from == null || from.isNull() ? null : from;
        JsonNode b = to == null || to.isNull() ? null : to;
        if (!Objects.equals(a, b)) {
            changes.add(new AuditChange(field, kind, a, b));
        }
    }

    private static JsonNode text(String s) {
        return s == null ? null : NODES.textNode(s);
    }

    private static JsonNode number(Long n) {
        return n == null ? null : NODES.numberNode(n);
    }

    private static JsonNode instant(Instant at) {
        return at == null ? null : NODES.textNode(at.toString());
    }
}

package io.sphere.core.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.sphere.core.card.CardService;
import io.sphere.core.card.CardView;
import io.sphere.core.card.FieldValueView;
import io.sphere.core.cardtype.CardTypeDefinition;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.cardtype.FieldDefinition;
import io.sphere.core.cardtype.FieldKind;
import io.sphere.core.cardtype.FieldValues;
import io.sphere.core.cardtype.StageDefinition;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.group.GroupService;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;
import io.sphere.core.user.UserDirectory;
import io.sphere.core.user.UserRef;

/**
 * Reads the audit trail: a card's history and the card as it was at a moment (both only for people who may view the
 * card; others get {@link ErrorCode#CARD_NOT_FOUND}), and the administrators' search. Everything is read back from
 * audit_event, the stored trail, never from the outbox.
 */
@ApplicationScoped
@Transactional
public class AuditQuery {

    public static final int MAX_PAGE = 200;
    private static final TypeReference<List<AuditChange>> CHANGES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> DETAIL = new TypeReference<>() {
    };

    /** One changed field as people read it; {@code fromText}/{@code toText} are empty for "nothing". */
    public record Change(String field, String label, String kind, JsonNode from, JsonNode to, String fromText,
            String toText) {
    }

    /** One event as the history and the search show it. */
    public record Entry(UUID eventId, Instant occurredAt, String action, Long actorId, String actorEmail,
            Optional<String> actorName, Long cardId, String cardKey, Long cardTypeId, String cardTypeKey,
            Long cardVersion, UUID requestId, List<Change> changes, Map<String, String> detail) {
    }

    public record Page(List<Entry> entries, Optional<String> nextCursor) {
    }

    /** Search criteria; every part is optional. {@code actor} is an e-mail, {@code from} inclusive, {@code to} not. */
    public record Filter(Optional<String> actor, Optional<String> cardType, Optional<String> card,
            Optional<String> action, Optional<String> field, Optional<Instant> from, Optional<Instant> to) {

        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * A card as it was at {@code at}, replayed from its trail. {@code existed} is false before the card was created;
     * {@code deleted} true after it was deleted.
     */
    public record AsOf(CardView current, Instant at, boolean existed, boolean deleted, long version, String title,
            String stage, String stageName, Optional<String> assignee, String priority, Optional<Instant> dueAt,
            Optional<String> candidateGroup, List<FieldValueView> fields, Optional<Instant> lastChangeAt) {
    }

    private record Raw(UUID eventId, Instant occurredAt, String action, Long actorId, String actorEmail,
            Long cardId, String cardKey, Long cardTypeId, Long cardVersion, UUID requestId,
            List<AuditChange> changes, Map<String, String> detail) {
    }

    private final DataSource dataSource;
    private final CardService cards;
    private final CardTypeService types;
    private final PermissionService permissions;
    private final UserDirectory users;
    private final GroupService groups;

    AuditQuery(DataSource dataSource, CardService cards, CardTypeService types, PermissionService permissions,
            UserDirectory users, GroupService groups) {
        this.dataSource = dataSource;
        this.cards = cards;
        this.types = types;
        this.permissions = permissions;
        this.users = users;
        this.groups = groups;
    }

    /** Newest first, {@code limit} at a time; {@code cursor} comes from the previous page. */
    public Page history(Actor actor, String cardKey, Optional<String> cursor, int limit) {
        CardView card = cards.get(actor, cardKey);
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE card_id = ?");
        List<Object> params = new ArrayList<>(List.of(card.id()));
        return page(sql, params, cursor, limit);
    }

    /** The card as it was at {@code at}, replayed from the trail; needs VIEW on the card as it is now. */
    public AsOf asOf(Actor actor, String cardKey, Instant at) {
        CardView card = cards.get(actor, cardKey);
        List<Raw> events = query(SELECT + " WHERE card_id = ? AND occurred_at <= ?"
                + " ORDER BY occurred_at, card_version NULLS FIRST, event_id", List.of(card.id(), ts(at)));
        CardTypeDefinition def = types.byIds(List.of(card.typeId())).get(card.typeId()).definition();
        Map<String, JsonNode> state = new LinkedHashMap<>();
        boolean existed = false;
        boolean deleted = false;
        long version = 0;
        Instant last = null;
        for (Raw e : events) {
            existed |= AuditAction.CARD_CREATED.name().equals(e.action());
            deleted |= AuditAction.CARD_DELETED.name().equals(e.action());
            for (AuditChange c : e.changes()) {
                if (c.to() == null) {
                    state.remove(c.field());
                } else {
                    state.put(c.field(), c.to());
                }
            }
            if (e.cardVersion() != null) {
                version = e.cardVersion();
            }
            last = e.occurredAt();
        }
        Set<Long> userIds = new HashSet<>();
        collectUsers(def, state, userIds);
        Map<Long, String> names = names(userIds);
        List<FieldValueView> fields = new ArrayList<>();
        for (FieldDefinition f : def.fields()) {
            JsonNode v = state.get(f.key());
            if (!f.removed() || v != null) {
                fields.add(new FieldValueView(f.key(), f.label(), f.kind(), FieldValues.plain(f, v),
                        FieldValues.display(f, v, names), f.removed()));
            }
        }
        String stage = text(state.get(AuditChange.STAGE));
        Optional<String> group = Optional.ofNullable(state.get(AuditChange.CANDIDATE_GROUP)).map(JsonNode::asLong)
                .map(id -> groups.namesOf(List.of(id)).getOrDefault(id, "#" + id));
        return new AsOf(card, at, existed, deleted, version, text(state.get(AuditChange.TITLE)), stage,
                stage == null ? null : def.stage(stage).map(StageDefinition::name).orElse(stage),
                Optional.ofNullable(state.get(AuditChange.ASSIGNEE)).map(n -> names.getOrDefault(n.asLong(), "#"
                        + n.asLong())),
                text(state.get(AuditChange.PRIORITY)), Optional.ofNullable(state.get(AuditChange.DUE_AT))
                        .map(n -> Instant.parse(n.asText())),
                group, fields, Optional.ofNullable(last));
    }

    /**
     * The administrators' search, newest first. The superuser sees everything, security events included; anyone
     * else sees only the card events of types they may both view and administer (for most people: nothing).
     */
    public Page search(Actor actor, Filter filter, Optional<String> cursor, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (!actor.superuser()) {
            Set<Long> allowed = new HashSet<>(permissions.typeIdsWith(actor, Action.ADMINISTER));
            allowed.retainAll(permissions.typeIdsWith(actor, Action.VIEW));
            if (allowed.isEmpty()) {
                return new Page(List.of(), Optional.empty());
            }
            sql.append(" AND card_type_id = ANY (?)");
            params.add(allowed.toArray(Long[]::new));
        }
        filter.actor().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(a -> {
            sql.append(" AND actor_email = ?");
            params.add(a.toLowerCase(Locale.ROOT));
        });
        if (filter.cardType().filter(s -> !s.isBlank()).isPresent()) {
            Optional<CardTypeView> type = types.findByKey(filter.cardType().get().strip().toUpperCase(Locale.ROOT));
            if (type.isEmpty()) {
                return new Page(List.of(), Optional.empty());
            }
            sql.append(" AND card_type_id = ?");
            params.add(type.get().id());
        }
        filter.card().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(k -> {
            sql.append(" AND card_key = ?");
            params.add(k.toUpperCase(Locale.ROOT));
        });
        filter.action().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(a -> {
            sql.append(" AND action = ?");
            params.add(a.toUpperCase(Locale.ROOT));
        });
        filter.field().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(f -> {
            sql.append(" AND fields @> ARRAY[?]::text[]");
            params.add(f);
        });
        filter.from().ifPresent(f -> {
            sql.append(" AND occurred_at >= ?");
            params.add(ts(f));
        });
        filter.to().ifPresent(t -> {
            sql.append(" AND occurred_at < ?");
            params.add(ts(t));
        });
        return page(sql, params, cursor, limit);
    }

    private static final String SELECT = """
            SELECT event_id, occurred_at, action, actor_id, actor_email, card_id, card_key, card_type_id,
                   card_version, request_id, changes::text, detail::text
              FROM audit_event""";

    private Page page(StringBuilder sql, List<Object> params, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new SphereException(ErrorCode.FILTER_INVALID, "limit", Map.of("value", String.valueOf(limit)));
        }
        cursor.filter(c -> !c.isBlank()).ifPresent(c -> {
            Object[] at = decodeCursor(c);
            sql.append(" AND (occurred_at, event_id) < (?, ?)");
            params.add(at[0]);
            params.add(at[1]);
        });
        sql.append(" ORDER BY occurred_at DESC, event_id DESC LIMIT ").append(limit + 1);
        List<Raw> raws = query(sql.toString(), params);
        Optional<String> next = Optional.empty();
        if (raws.size() > limit) {
            raws = raws.subList(0, limit);
            Raw lastRaw = raws.get(limit - 1);
            next = Optional.of(lastRaw.occurredAt().toString() + "_" + lastRaw.eventId());
        }
        return new Page(render(raws), next);
    }

    private static Object[] decodeCursor(String cursor) {
        int sep = cursor.lastIndexOf('_');
        try {
            return new Object[]{ts(Instant.parse(cursor.substring(0, sep))),
                    UUID.fromString(cursor.substring(sep + 1))};
        } catch (RuntimeException e) {
            throw new SphereException(ErrorCode.FILTER_INVALID, "cursor", Map.of("value", cursor));
        }
    }

    private List<Entry> render(List<Raw> raws) {
        Set<Long> typeIds = new HashSet<>();
        Set<Long> userIds = new HashSet<>();
        for (Raw r : raws) {
            if (r.cardTypeId() != null) {
                typeIds.add(r.cardTypeId());
            }
            if (r.actorId() != null) {
                userIds.add(r.actorId());
            }
        }
        Map<Long, CardTypeView> typeViews = types.byIds(typeIds);
        Set<Long> groupIds = new HashSet<>();
        for (Raw r : raws) {
            for (AuditChange c : r.changes()) {
                boolean user = c.kind().equals(FieldKind.USER.name());
                boolean group = c.kind().equals("GROUP");
                for (JsonNode n : new JsonNode[]{c.from(), c.to()}) {
                    if (n != null && n.canConvertToLong() && (user || group)) {
                        (user ? userIds : groupIds).add(n.asLong());
                    }
                }
            }
        }
        Map<Long, String> names = names(userIds);
        Map<Long, String> groupNames = groupIds.isEmpty() ? Map.of() : groups.namesOf(groupIds);
        List<Entry> entries = new ArrayList<>(raws.size());
        for (Raw r : raws) {
            CardTypeView t = r.cardTypeId() == null ? null : typeViews.get(r.cardTypeId());
            List<Change> changes = r.changes().stream().map(c -> change(c, t, names, groupNames)).toList();
            entries.add(new Entry(r.eventId(), r.occurredAt(), r.action(), r.actorId(), r.actorEmail(),
                    Optional.ofNullable(r.actorId()).map(names::get), r.cardId(), r.cardKey(), r.cardTypeId(),
                    t == null ? null : t.key(), r.cardVersion(), r.requestId(), changes, r.detail()));
        }
        return entries;
    }

    private static Change change(AuditChange c, CardTypeView type, Map<Long, String> users,
            Map<Long, String> groupNames) {
        String label = c.field();
        String from;
        String to;
        Optional<FieldDefinition> f = type == null || c.isCardAttribute()
                ? Optional.empty()
                : type.definition().field(c.field());
        if (f.isPresent()) {
            label = f.get().label();
            from = FieldValues.display(f.get(), c.from(), users);
            to = FieldValues.display(f.get(), c.to(), users);
        } else if (c.kind().equals("STAGE") && type != null) {
            from = stageName(type.definition(), c.from());
            to = stageName(type.definition(), c.to());
        } else if (c.kind().equals(FieldKind.USER.name())) {
            from = c.from() == null ? "" : users.getOrDefault(c.from().asLong(), "#" + c.from().asLong());
            to = c.to() == null ? "" : users.getOrDefault(c.to().asLong(), "#" + c.to().asLong());
        } else if (c.kind().equals("GROUP")) {
            from = c.from() == null ? "" : groupNames.getOrDefault(c.from().asLong(), "#" + c.from().asLong());
            to = c.to() == null ? "" : groupNames.getOrDefault(c.to().asLong(), "#" + c.to().asLong());
        } else {
            from = plainText(c.from());
            to = plainText(c.to());
        }
        return new Change(c.field(), label, c.kind(), c.from(), c.to(), from, to);
    }

    private static String stageName(CardTypeDefinition def, JsonNode stage) {
        return stage == null ? "" : def.stage(stage.asText()).map(StageDefinition::name).orElse(stage.asText());
    }

    private static String plainText(JsonNode n) {
        if (n == null) {
            return "";
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(x -> parts.add(x.asText()));
            return String.join(", ", parts);
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }

    private static void collectUsers(CardTypeDefinition def, Map<String, JsonNode> state, Set<Long> ids) {
        JsonNode assignee = state.get(AuditChange.ASSIGNEE);
        if (assignee != null) {
            ids.add(assignee.asLong());
        }
        for (FieldDefinition f : def.fields()) {
            JsonNode v = state.get(f.key());
            if (f.kind() == FieldKind.USER && v != null) {
                ids.add(v.asLong());
            }
        }
    }

    private Map<Long, String> names(Set<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Map.Entry<Long, UserRef> e : users.refs(ids).entrySet()) {
                names.put(e.getKey(), e.getValue().displayName());
            }
        }
        return names;
    }

    private static String text(JsonNode n) {
        return n == null ? null : n.asText();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at.truncatedTo(ChronoUnit.MICROS));
    }

    private List<Raw> query(String sql, List<Object> params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof Long[] array) {
                    ps.setArray(i + 1, c.createArrayOf("bigint", array));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            List<Raw> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Raw(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            (Long) rs.getObject(4), rs.getString(5), (Long) rs.getObject(6), rs.getString(7),
                            (Long) rs.getObject(8), (Long) rs.getObject(9), rs.getObject(10, UUID.class),
                            AuditCodec.JSON.readValue(rs.getString(11), CHANGES),
                            AuditCodec.JSON.readValue(rs.getString(12), DETAIL)));
                }
            }
            return out;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot read the audit trail", e);
        }
    }
}

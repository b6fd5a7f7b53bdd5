package io.sphere.core.card;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.cardtype.FieldDefinition;
import io.sphere.core.cardtype.FieldValues;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.error.ValidationException.FieldError;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;
import io.sphere.core.user.UserDirectory;
import io.sphere.core.user.UserRef;

/**
 * Card lists: only cards of types the actor may view, never deleted ones, for the page and for the total alike.
 * Keyset pagination on (sort column, id) keeps page 1,000 as cheap as page 1 and never skips or repeats a card
 * while others write.
 */
@ApplicationScoped
@Transactional
public class CardQuery {

    public static final int MAX_PAGE = 200;

    /** Totals are exact up to this many cards; a larger list reports this number as a lower bound. */
    public static final int TOTAL_CAP = 10_000;

    private final DataSource dataSource;
    private final CardTypeService types;
    private final PermissionService permissions;
    private final UserDirectory users;

    CardQuery(DataSource dataSource, CardTypeService types, PermissionService permissions, UserDirectory users) {
        this.dataSource = dataSource;
        this.types = types;
        this.permissions = permissions;
        this.users = users;
    }

    /** The page after {@code cursor} (the first page without one). */
    public CardPage list(Actor actor, CardFilter filter, CardSort sort, Optional<String> cursor, int pageSize) {
        return page(actor, filter, sort, cursor, pageSize, false);
    }

    /**
     * The page just before {@code cursor} (a {@link CardPage#previousCursor()}), in the same order as
     * {@link #list}: a "previous" link for keyset pages.
     */
    public CardPage listBefore(Actor actor, CardFilter filter, CardSort sort, String cursor, int pageSize) {
        return page(actor, filter, sort, Optional.of(cursor), pageSize, true);
    }

    private CardPage page(Actor actor, CardFilter filter, CardSort sort, Optional<String> cursor, int pageSize,
            boolean backwards) {
        CardSort order = sort == null ? CardSort.DEFAULT : sort;
        int limit = Math.max(1, Math.min(pageSize, MAX_PAGE));
        boolean groupScope = filter.scope() == CardFilter.Scope.MY_GROUPS;
        // The actor's groups and viewable types, resolved first and passed as arrays: as sub-selects the planner
        // could not estimate them and scanned every live card of the visible types (issue 8).
        Reach reach = actor.superuser() && !groupScope ? Reach.NONE : reach(actor);
        StringBuilder where = new StringBuilder(" FROM card c WHERE c.deleted_at IS NULL");
        List<Object> params = new ArrayList<>();
        if (!actor.superuser()) {
            where.append(" AND c.card_type_id = ANY(?)");
            params.add(reach.viewableTypes());
        }
        CardTypeView type = null;
        if (filter.typeKey() != null && !filter.typeKey().isBlank()) {
            type = types.findByKey(filter.typeKey().strip())
                    .filter(t -> permissions.can(actor, t.id(), Action.VIEW))
                    .orElseThrow(() -> new SphereException(ErrorCode.CARD_TYPE_NOT_FOUND));
            where.append(" AND c.card_type_id = ?");
            params.add(type.id());
        }
        switch (filter.scope()) {
            case ASSIGNED_TO_ME -> {
                where.append(" AND c.assignee_id = ?");
                params.add(actor.userId());
            }
            case WATCHING -> {
                where.append(" AND EXISTS (SELECT 1 FROM card_watcher w WHERE w.card_id = c.id AND w.user_id = ?)");
                params.add(actor.userId());
            }
            case MY_GROUPS, ALL_VISIBLE -> {
                // MY_GROUPS: the group condition differs between the count and the page, added to each below.
            }
        }
        if (filter.stage() != null && !filter.stage().isBlank()) {
            where.append(" AND c.stage = ?");
            params.add(filter.stage().strip());
        }
        if (filter.assigneeId() != null) {
            where.append(" AND c.assignee_id = ?");
            params.add(filter.assigneeId());
        }
        if (filter.overdue() != null) {
            where.append(" AND c.overdue = ?");
            params.add(filter.overdue());
        }
        if (filter.open() != null) {
            where.append(filter.open() ? " AND c.closed_at IS NULL" : " AND c.closed_at IS NOT NULL");
        }
        if (filter.priority() != null) {
            where.append(" AND c.priority = ?");
            params.add(filter.priority().name());
        }
        range(where, params, "c.created_at", filter.createdFrom(), filter.createdTo());
        range(where, params, "c.updated_at", filter.updatedFrom(), filter.updatedTo());
        if (!filter.fieldEquals().isEmpty()) {
            where.append(" AND c.field_values @> CAST(? AS jsonb)");
            params.add(fieldFilter(type, filter.fieldEquals()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String query = CardText.prefixQuery(filter.text());
            if (query.isEmpty()) {
                where.append(" AND false");
            } else {
                where.append(" AND c.search @@ to_tsquery('simple', ?)");
                params.add(query);
            }
        }

        List<Object> countParams = new ArrayList<>(params);
        String countWhere = where.toString();
        if (groupScope) {
            countWhere += " AND c.candidate_group_id = ANY(?)";
            countParams.add(reach.groups());
        }
        long counted = count(countWhere, countParams);
        boolean totalIsLowerBound = counted > TOTAL_CAP;
        long total = Math.min(counted, TOTAL_CAP);

        StringBuilder sql = new StringBuilder("""
                SELECT c.id, c.key, c.card_type_id, c.title, c.stage, c.assignee_id, c.priority, c.due_at, c.overdue,
                       c.created_at, c.updated_at, c.closed_at, c.version, (""").append(order.column().expression)
                .append(")::text AS sort_value, ").append(order.column().expression).append(" AS sort_key")
                .append(where);
        List<Object> pageParams = new ArrayList<>();
        if (groupScope) {
            // One short walk per group down its (group, sort column, id) index, then the few rows merged: with
            // "= ANY(groups)" PostgreSQL 15 would read every open card of the groups to sort them.
            sql.insert(0, "SELECT x.* FROM unnest(?) AS g(id) CROSS JOIN LATERAL (").append(
                    " AND c.candidate_group_id = g.id");
            pageParams.add(reach.groups());
        }
        pageParams.addAll(params);
        if (cursor.isPresent() && !cursor.get().isBlank()) {
            Cursor c = Cursor.parse(cursor.get(), order);
            sql.append(" AND (").append(order.column().expression).append(", c.id) ")
                    .append(order.descending() != backwards ? "<" : ">").append(" (CAST(? AS ")
                    .append(order.column().sqlType)
                    .append("), ?)");
            pageParams.add(c.value());
            pageParams.add(c.id());
        }
        String dir = order.descending() != backwards ? " DESC" : " ASC";
        sql.append(" ORDER BY ").append(order.column().expression).append(dir).append(", c.id").append(dir)
                .append(" LIMIT ?");
        pageParams.add(limit + 1);
        if (groupScope) {
            sql.append(") x ORDER BY x.sort_key").append(dir).append(", x.id").append(dir).append(" LIMIT ?");
            pageParams.add(limit + 1);
        }

        List<Row> rows = new ArrayList<>();
        boolean more = false;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, pageParams);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rows.size() == limit) {
                        more = true;
                        break;
                    }
                    long assignee = rs.getLong("assignee_id");
                    Long assigneeId = rs.wasNull() ? null : assignee;
                    Timestamp due = rs.getTimestamp("due_at");
                    Timestamp closed = rs.getTimestamp("closed_at");
                    rows.add(new Row(rs.getLong("id"), rs.getString("key"), rs.getLong("card_type_id"),
                            rs.getString("title"), rs.getString("stage"), assigneeId,
                            Priority.valueOf(rs.getString("priority")), due == null ? null : due.toInstant(),
                            rs.getBoolean("overdue"), rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("updated_at").toInstant(), closed != null, rs.getLong("version"),
                            rs.getString("sort_value")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list cards", e);
        }

        if (backwards) {
            Collections.reverse(rows);
        }
        Set<Long> typeIds = new HashSet<>();
        Set<Long> userIds = new HashSet<>();
        rows.forEach(r -> {
            typeIds.add(r.typeId);
            if (r.assigneeId != null) {
                userIds.add(r.assigneeId);
            }
        });
        Map<Long, CardTypeView> typeViews = types.byIds(typeIds);
        Map<Long, UserRef> refs = users.refs(userIds);
        List<CardSummary> items = rows.stream().map(r -> {
            CardTypeView t = typeViews.get(r.typeId);
            return new CardSummary(r.id, r.key, t.key(), t.name(), r.title, r.stage,
                    CardService.stageName(t.definition(), r.stage), r.closed,
                    Optional.ofNullable(r.assigneeId).map(refs::get), r.priority, Optional.ofNullable(r.dueAt),
                    r.overdue, r.createdAt, r.updatedAt, r.version);
        }).toList();
        boolean hasCursor = cursor.isPresent() && !cursor.get().isBlank();
        boolean after = backwards ? hasCursor && !rows.isEmpty() : more;
        boolean before = backwards ? more : hasCursor && !rows.isEmpty();
        Optional<String> next = after
                ? Optional.of(new Cursor(rows.get(rows.size() - 1).sortValue,
                        rows.get(rows.size() - 1).id).format(order))
                : Optional.empty();
        Optional<String> previous = before
                ? Optional.of(new Cursor(rows.get(0).sortValue, rows.get(0).id).format(order))
                : Optional.empty();
        return new CardPage(items, total, totalIsLowerBound, next, previous);
    }

    /** The actor's groups and the types they may view, in one small statement. */
    private Reach reach(Actor actor) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT ARRAY(SELECT m.group_id FROM group_member m WHERE m.user_id = ? ORDER BY 1),
                               ARRAY(SELECT DISTINCT p.card_type_id FROM card_type_permission p
                                       JOIN group_member m ON m.group_id = p.group_id
                                      WHERE m.user_id = ? AND p.action = 'VIEW' ORDER BY 1)""")) {
            ps.setLong(1, actor.userId());
            ps.setLong(2, actor.userId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Reach((Long[]) rs.getArray(1).getArray(), (Long[]) rs.getArray(2).getArray());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the groups and card types of user " + actor.userId(), e);
        }
    }

    /**
     * Counts matching cards only up to {@link #TOTAL_CAP} + 1: an exact count of a large list read every matching
     * row on each request (155k in the inbox at 1M cards); beyond the cap the page says "at least".
     */
    private long count(String where, List<Object> params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM (SELECT 1" + where + " LIMIT " + (TOTAL_CAP + 1) + ") capped")) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count cards", e);
        }
    }

    private static String fieldFilter(CardTypeView type, Map<String, Object> equals) {
        if (type == null) {
            throw new SphereException(ErrorCode.FILTER_INVALID, "type",
                    Map.of("value", "a field filter needs a card type"));
        }
        ObjectNode node = CardService.JSON.createObjectNode();
        for (var e : equals.entrySet()) {
            FieldDefinition f = type.definition().field(e.getKey()).orElseThrow(() -> new SphereException(
                    ErrorCode.FILTER_INVALID, "field." + e.getKey(), Map.of("value", String.valueOf(e.getKey()))));
            List<FieldError> errors = new ArrayList<>();
            JsonNode value = FieldValues.convert(f, e.getValue(), null, id -> true, errors);
            if (!errors.isEmpty() || value == null) {
                throw new SphereException(ErrorCode.FILTER_INVALID, "field." + e.getKey(),
                        Map.of("value", String.valueOf(e.getValue())));
            }
            node.set(f.key(), value);
        }
        try {
            return CardService.JSON.writeValueAsString(node);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void range(StringBuilder where, List<Object> params, String column, Instant from,
            Instant to) {
        if (from != null) {
            where.append(" AND ").append(column).append(" >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" AND ").append(column).append(" < ?");
            params.add(Timestamp.from(to));
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i) instanceof Long[] ids) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("bigint", ids));
            } else {
                ps.setObject(i + 1, params.get(i));
            }
        }
    }

    private record Reach(Long[] groups, Long[] viewableTypes) {
        static final Reach NONE = new Reach(new Long[0], new Long[0]);
    }

    private record Row(long id, String key, long typeId, String title, String stage, Long assigneeId,
            Priority priority, Instant dueAt, boolean overdue, Instant createdAt,
            Instant updatedAt, boolean closed, long version, String sortValue) {
    }

    /** The last row of a page: its sort value as PostgreSQL prints it, and its id. Opaque to callers. */
    record Cursor(String value, long id) {

        static Cursor parse(String raw, CardSort sort) {
            try {
                String s = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
                String[] parts = s.split("\\|", 3);
                if (!parts[0].equals(sort.format())) {
                    throw new IllegalArgumentException("cursor of another order");
                }
                return new Cursor(parts[2], Long.parseLong(parts[1]));
            } catch (RuntimeException e) {
                throw new SphereException(ErrorCode.FILTER_INVALID, "cursor", Map.of("value", raw));
            }
        }

        String format(CardSort sort) {
            String s = sort.format() + "|" + id + "|" + value;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}

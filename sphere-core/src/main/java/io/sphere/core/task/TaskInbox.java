package io.sphere.core.task;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;

/**
 * The "My tasks" inbox: the actor's open tasks, the unclaimed tasks of their groups, and what they completed; only
 * tasks the actor may see (a card's task needs VIEW on its card's type). "Today" is the actor's day in their time
 * zone.
 */
@ApplicationScoped
@Transactional
public class TaskInbox {

    public static final int PAGE_SIZE = 50;

    public enum Tab {
        MINE,
        GROUPS,
        COMPLETED;

        public static Tab parse(String s) {
            if (s != null) {
                for (Tab t : values()) {
                    if (t.name().equalsIgnoreCase(s.strip())) {
                        return t;
                    }
                }
            }
            return MINE;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where a task falls relative to now, in the order the inbox shows them. */
    public enum Bucket {
        OVERDUE,
        TODAY,
        UPCOMING,
        NO_DUE,
        CLOSED
    }

    public enum DueFilter {
        ANY,
        OVERDUE,
        TODAY,
        UPCOMING,
        NONE;

        public static DueFilter parse(String s) {
            if (s != null) {
                for (DueFilter f : values()) {
                    if (f.name().equalsIgnoreCase(s.strip())) {
                        return f;
                    }
                }
            }
            return ANY;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Sort {
        DUE("t.due_at ASC NULLS LAST, t.id ASC"),
        DUE_DESC("t.due_at DESC NULLS LAST, t.id DESC"),
        CREATED("t.created_at DESC, t.id DESC"),
        TITLE("lower(t.title) ASC, t.id ASC"),
        COMPLETED("t.completed_at DESC NULLS LAST, t.id DESC");

        private final String sql;

        Sort(String sql) {
            this.sql = sql;
        }

        public static Sort parse(String s, Tab tab) {
            if (s != null) {
                switch (s.strip()) {
                    case "due" :
                        return DUE;
                    case "-due" :
                        return DUE_DESC;
                    case "-created" :
                        return CREATED;
                    case "title" :
                        return TITLE;
                    case "-completed" :
                        return COMPLETED;
                    default :
                        break;
                }
            }
            return tab == Tab.COMPLETED ? COMPLETED : DUE;
        }

        public String param() {
            return switch (this) {
                case DUE -> "due";
                case DUE_DESC -> "-due";
                case CREATED -> "-created";
                case TITLE -> "title";
                case COMPLETED -> "-completed";
            };
        }
    }

    public record Query(Tab tab, String q, DueFilter due, Sort sort, int page) {
    }

    public record Item(long id, String title, Optional<String> cardKey, Optional<String> cardTitle,
            Optional<String> assigneeName, Optional<String> groupName, Optional<Instant> dueAt, TaskStatus status,
            Optional<Instant> completedAt, Bucket bucket) {
    }

    public record Page(List<Item> items, Map<Tab, Long> counts, int page, boolean hasNext) {
    }

    private final EntityManager em;
    private final PermissionService permissions;
    private final Clock clock;

    TaskInbox(EntityManager em, PermissionService permissions, Clock clock) {
        this.em = em;
        this.permissions = permissions;
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    public Page list(Actor actor, ZoneId zone, Query query) {
        Instant now = clock.instant();
        Instant endOfToday = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Object> params = new HashMap<>();
        String visible = visibility(actor, params);
        StringBuilder where = new StringBuilder(visible).append(" AND ").append(tabCondition(query.tab()));
        String q = query.q() == null ? "" : query.q().strip();
        if (!q.isEmpty()) {
            where.append(" AND (t.title ILIKE :q ESCAPE '\\' OR c.key ILIKE :q ESCAPE '\\')");
            params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        switch (query.due()) {
            case OVERDUE -> where.append(" AND t.due_at < :now");
            case TODAY -> where.append(" AND t.due_at >= :now AND t.due_at < :endOfToday");
            case UPCOMING -> where.append(" AND t.due_at >= :endOfToday");
            case NONE -> where.append(" AND t.due_at IS NULL");
            case ANY -> {
            }
        }
        int page = Math.max(query.page(), 1);
        jakarta.persistence.Query select = em.createNativeQuery("""
                SELECT t.id, t.title, c.key, c.title AS card_title, a.display_name, g.name, t.due_at, t.status,
                       t.completed_at
                  FROM task t LEFT JOIN card c ON c.id = t.card_id
                  LEFT JOIN app_user a ON a.id = t.assignee_id
                  LEFT JOIN user_group g ON g.id = t.candidate_group_id
                 WHERE\s""" + where + " ORDER BY " + query.sort().sql + " LIMIT :limit OFFSET :offset");
        params.put("me", actor.userId());
        bind(select, params);
        if (where.indexOf(":now") >= 0) {
            select.setParameter("now", Timestamp.from(now));
        }
        if (where.indexOf(":endOfToday") >= 0) {
            select.setParameter("endOfToday", Timestamp.from(endOfToday));
        }
        select.setParameter("limit", PAGE_SIZE + 1).setParameter("offset", (page - 1) * PAGE_SIZE);
        List<Object[]> rows = select.getResultList();
        List<Item> items = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(rows.size(), PAGE_SIZE))) {
            Instant due = r[6] == null ? null : TaskService.moment(r[6]);
            TaskStatus status = TaskStatus.valueOf((String) r[7]);
            items.add(new Item(((Number) r[0]).longValue(), (String) r[1], Optional.ofNullable((String) r[2]),
                    Optional.ofNullable((String) r[3]), Optional.ofNullable((String) r[4]),
                    Optional.ofNullable((String) r[5]), Optional.ofNullable(due), status,
                    Optional.ofNullable(r[8] == null ? null : TaskService.moment(r[8])),
                    bucket(status, due, now, endOfToday)));
        }
        return new Page(items, counts(actor), page, rows.size() > PAGE_SIZE);
    }

    /** Totals per tab, without the filters, for the tab labels. */
    public Map<Tab, Long> counts(Actor actor) {
        Map<String, Object> params = new HashMap<>();
        String visible = visibility(actor, params);
        jakarta.persistence.Query count = em.createNativeQuery("SELECT count(*) FILTER (WHERE "
                + tabCondition(Tab.MINE) + "), count(*) FILTER (WHERE " + tabCondition(Tab.GROUPS)
                + "), count(*) FILTER (WHERE " + tabCondition(Tab.COMPLETED) + ")"
                + " FROM task t LEFT JOIN card c ON c.id = t.card_id WHERE " + visible
                + " AND (t.assignee_id = :me OR t.completed_by = :me OR (t.assignee_id IS NULL AND "
                + "t.candidate_group_id IN (SELECT group_id FROM group_member WHERE user_id = :me)))");
        params.put("me", actor.userId());
        bind(count, params);
        Object[] r = (Object[]) count.getSingleResult();
        Map<Tab, Long> counts = new EnumMap<>(Tab.class);
        counts.put(Tab.MINE, ((Number) r[0]).longValue());
        counts.put(Tab.GROUPS, ((Number) r[1]).longValue());
        counts.put(Tab.COMPLETED, ((Number) r[2]).longValue());
        return counts;
    }

    static Bucket bucket(TaskStatus status, Instant due, Instant now, Instant endOfToday) {
        if (status != TaskStatus.OPEN) {
            return Bucket.CLOSED;
        }
        if (due == null) {
            return Bucket.NO_DUE;
        }
        if (due.isBefore(now)) {
            return Bucket.OVERDUE;
        }
        return due.isBefore(endOfToday) ? Bucket.TODAY : Bucket.UPCOMING;
    }

    private String visibility(Actor actor, Map<String, Object> params) {
        if (permissions.viewsAll(actor)) {
            return "(t.card_id IS NULL OR c.deleted_at IS NULL)";
        }
        List<Long> types = new ArrayList<>(permissions.visibleTypeIds(actor));
        if (types.isEmpty()) {
            return "t.card_id IS NULL";
        }
        params.put("types", types);
        return "(t.card_id IS NULL OR (c.deleted_at IS NULL AND c.card_type_id IN (:types)))";
    }

    private static String tabCondition(Tab tab) {
        return switch (tab) {
            case MINE -> "t.status = 'OPEN' AND t.assignee_id = :me";
            case GROUPS -> "t.status = 'OPEN' AND t.assignee_id IS NULL AND t.candidate_group_id IN "
                    + "(SELECT group_id FROM group_member WHERE user_id = :me)";
            case COMPLETED -> "t.status = 'DONE' AND (t.completed_by = :me OR t.assignee_id = :me)";
        };
    }

    private static void bind(jakarta.persistence.Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
    }
}

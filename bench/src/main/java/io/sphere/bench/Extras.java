package io.sphere.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows that hang off cards: tasks (every 2nd card), reminders (every 10th) and audit history (a creation event for
 * every 4th card). For the tables as V008/V009 define them the rows are written the way Sphere writes them
 * ({@link #KNOWN}): tasks assigned to operators with due dates spread over 40 days, the ones already past carrying the
 * marks the overdue and due-soon jobs leave, reminders already due marked sent, history in the current months'
 * partitions; so the worker's jobs find no backlog production would not have. A table that lands later and has no
 * entry there is filled from what its schema says, without knowing it in advance: a column that references a card
 * gets the card, one that references a person gets an operator, one that references a group gets the card's group;
 * a required column gets a value of its type, the first value its CHECK constraint lists when it has one, and times
 * spread around now. When the schema defeats this, the table is left empty and the report says why.
 */
final class Extras {

    /** Table, and every how many cards it gets a row. Order matters: a reminder may point at a task. */
    static final Map<String, Integer> TABLES = new LinkedHashMap<>();
    static {
        TABLES.put("task", 2);
        TABLES.put("reminder", 10);
        TABLES.put("audit_event", 4);
    }

    /**
     * The tables Sphere has now, written as Sphere writes them: the columns each statement needs (checked first, so a
     * different schema falls back to the generic fill) and the statement, with {@code %1$s} the operators' ids,
     * {@code %2$d} the superuser, {@code %3$s} the card range and sampling condition.
     */
    static final Map<String, String[]> KNOWN = Map.of(
            "task", new String[]{"card_id,title,assignee_id,candidate_group_id,due_at,status,overdue,"
                    + "overdue_notified_for,due_soon_notified_for,completed_by,completed_at,created_by,created_at",
                    """
                            INSERT INTO task (card_id, title, assignee_id, candidate_group_id, due_at, status, overdue,
                                              overdue_notified_for, due_soon_notified_for, completed_by, completed_at,
                                              created_by, created_at, updated_by, updated_at)
                            SELECT c.id, 'Check ' || c.key, o.op, c.candidate_group_id, d.due,
                                   CASE WHEN c.closed_at IS NULL THEN 'OPEN' ELSE 'DONE' END,
                                   c.closed_at IS NULL AND d.due < now(), CASE WHEN d.due < now() THEN d.due END,
                                   CASE WHEN d.due < now() + interval '1 hour' THEN d.due END,
                                   CASE WHEN c.closed_at IS NULL THEN NULL ELSE o.op END, c.closed_at,
                                   %2$d, c.created_at, %2$d, c.created_at
                              FROM card c,
                                   LATERAL (SELECT (ARRAY[%1$s]::bigint[])[c.id %% cardinality(ARRAY[%1$s]) + 1] AS op) o,
                                   LATERAL (SELECT now() + ((c.id %% 40) - 10) * interval '1 day'
                                                   + (c.id %% 86400) * interval '1 second' AS due) d
                             WHERE %3$s"""},
            "reminder", new String[]{"user_id,card_id,remind_at,note,status,created_at,sent_at",
                    """
                            INSERT INTO reminder (user_id, card_id, remind_at, note, status, created_at, sent_at)
                            SELECT (ARRAY[%1$s]::bigint[])[c.id %% cardinality(ARRAY[%1$s]) + 1], c.id, r.at, 'Look again',
                                   CASE WHEN r.at < now() THEN 'SENT' ELSE 'PENDING' END, c.created_at,
                                   CASE WHEN r.at < now() THEN r.at END
                              FROM card c,
                                   LATERAL (SELECT now() + ((c.id %% 40) - 10) * interval '1 day'
                                                   + (c.id %% 86400) * interval '1 second' AS at) r
                             WHERE %3$s"""},
            "audit_event", new String[]{"occurred_at,event_id,action,actor_id,actor_email,card_id,card_key,"
                    + "card_type_id,card_version,fields,changes,detail",
                    """
                            INSERT INTO audit_event (occurred_at, event_id, action, actor_id, actor_email, card_id, card_key,
                                                     card_type_id, card_version, fields, changes, detail)
                            SELECT now() - (c.id %% 25) * interval '1 day' - (c.id %% 86400) * interval '1 second',
                                   gen_random_uuid(), 'CARD_CREATED', %2$d, 'bench-admin@example.com', c.id, c.key,
                                   c.card_type_id, 0,
                                   ARRAY['card.title', 'card.stage', 'card.priority', 'summary', 'amount', 'category'],
                                   jsonb_build_array(
                                       jsonb_build_object('field', 'card.title', 'kind', 'TEXT', 'from', NULL, 'to', c.title),
                                       jsonb_build_object('field', 'card.stage', 'kind', 'STAGE', 'from', NULL, 'to', 'new'),
                                       jsonb_build_object('field', 'card.priority', 'kind', 'PRIORITY', 'from', NULL,
                                                          'to', c.priority),
                                       jsonb_build_object('field', 'summary', 'kind', 'TEXT', 'from', NULL,
                                                          'to', c.field_values -> 'summary'),
                                       jsonb_build_object('field', 'amount', 'kind', 'NUMBER', 'from', NULL,
                                                          'to', c.field_values -> 'amount'),
                                       jsonb_build_object('field', 'category', 'kind', 'SINGLE_SELECT', 'from', NULL,
                                                          'to', c.field_values -> 'category')),
                                   '{}'::jsonb
                              FROM card c
                             WHERE %3$s"""});

    private static final Pattern LISTED = Pattern.compile("'([^']*)'");

    private record Column(String name, String type, boolean required) {
    }

    private final World world;
    private final Map<String, Long> filledUpTo = new HashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final Map<String, Boolean> fromSchema = new HashMap<>();

    Extras(World world) {
        this.world = world;
    }

    /** Fills every present table for the cards added since the last call. */
    void fill() throws SQLException {
        try (Connection c = world.connect()) {
            for (var e : TABLES.entrySet()) {
                String table = e.getKey();
                if (!World.tableExists(c, table) || failures.containsKey(table)) {
                    continue;
                }
                long from = filledUpTo.getOrDefault(table, 0L);
                long to = World.count(c, "SELECT coalesce(max(id), 0) FROM card");
                try {
                    String known = known(c, table, e.getValue(), from, to);
                    String sql = known != null ? known : insert(c, table, e.getValue(), from, to);
                    fromSchema.put(table, known == null);
                    World.bulk(c, table, (to - from) / e.getValue(), sql);
                    filledUpTo.put(table, to);
                    rows.put(table, World.count(c, "SELECT count(*) FROM \"" + table + "\""));
                } catch (SQLException | RuntimeException ex) {
                    failures.put(table, ex.getMessage() == null
                            ? ex.toString()
                            : ex.getMessage().lines()
                                    .findFirst().orElse(""));
                }
            }
        }
    }

    /** What the report says about these tables. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        rows.forEach((t, n) -> notes.add("Table `" + t + "`: " + n + " rows"
                + (fromSchema.getOrDefault(t, true)
                        ? ", filled from its schema alone."
                        : ", written as Sphere writes them.")));
        failures.forEach((t, why) -> notes.add("Table `" + t + "` exists but the generator could not fill it from "
                + "its schema (" + why + "); extend `Extras` for it."));
        return notes;
    }

    /** The statement of {@link #KNOWN} for this table, or null when the table lacks a column it needs. */
    private String known(Connection c, String table, int every, long fromId, long toId) throws SQLException {
        String[] k = KNOWN.get(table);
        if (k == null) {
            return null;
        }
        List<String> have = columns(c, table).stream().map(Column::name).toList();
        for (String needed : k[0].split(",")) {
            if (!have.contains(needed)) {
                return null;
            }
        }
        return k[1].formatted(ids(world.operatorIds), world.adminId,
                "c.id > " + fromId + " AND c.id <= " + toId + " AND c.id % " + every + " = 0");
    }

    private String insert(Connection c, String table, int every, long fromId, long toId) throws SQLException {
        Map<String, String> references = references(c, table);
        Map<String, List<String>> listed = listedValues(c, table);
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Column col : columns(c, table)) {
            String n = col.name.toLowerCase(Locale.ROOT);
            String ref = references.get(col.name);
            String value = null;
            if ("card".equals(ref)) {
                value = "c.id";
            } else if ("app_user".equals(ref)) {
                value = "(ARRAY[" + ids(world.operatorIds) + "]::bigint[])[c.id % " + world.operatorIds.size()
                        + " + 1]";
            } else if ("user_group".equals(ref)) {
                value = "c.candidate_group_id";
            } else if (ref != null && col.required) {
                value = "(SELECT min(id) FROM \"" + ref + "\")";
            } else if (col.required) {
                value = valueOf(col, n, listed.get(col.name));
            }
            if (value != null) {
                names.add("\"" + col.name + "\"");
                values.add(value);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no column to fill");
        }
        return "INSERT INTO \"" + table + "\" (" + String.join(", ", names) + ") SELECT " + String.join(", ", values)
                + " FROM card c WHERE c.id > " + fromId + " AND c.id <= " + toId + " AND c.id % " + every + " = 0";
    }

    private static String valueOf(Column col, String name, List<String> listed) {
        if (listed != null && !listed.isEmpty()) {
            return "'" + listed.get(0).replace("'", "''") + "'";
        }
        return switch (col.type) {
            case "timestamp with time zone", "timestamp without time zone" -> name.contains("created")
                    || name.contains("updated") ? "c.created_at" : "now() + ((c.id % 40) - 10) * interval '1 day'";
            case "date" -> "current_date + ((c.id % 40) - 10)";
            case "boolean" -> "false";
            case "bigint", "integer", "smallint", "numeric" -> "1";
            case "uuid" -> "gen_random_uuid()";
            case "jsonb", "json" -> "'{}'";
            case "bytea" -> "'\\x00'::bytea";
            case "interval" -> "interval '1 day'";
            default -> "'Bench ' || c.key";
        };
    }

    private static List<Column> columns(Connection c, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT column_name, data_type,
                       is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO' AND is_generated = 'NEVER'
                  FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?
                 ORDER BY ordinal_position""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
        }
        return columns;
    }

    /** Single-column foreign keys: column → referenced table. */
    private static Map<String, String> references(Connection c, String table) throws SQLException {
        Map<String, String> refs = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.attname, con.confrelid::regclass::text
                  FROM pg_constraint con
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
                 WHERE con.contype = 'f' AND con.conrelid = to_regclass(?) AND array_length(con.conkey, 1) = 1""")) {
            ps.setString(1, "public." + table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refs.put(rs.getString(1), rs.getString(2).replace("\"", ""));
                }
            }
        }
        return refs;
    }

    /** Single-column CHECK constraints that list allowed values: column → those values. */
    private static Map<String, List<String>> listedValues(Connection c, String table) throws SQLException {
        Map<String, List<String>> listed = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.attname, pg_get_constraintdef(con.oid)
                  FROM pg_constraint con
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
                 WHERE con.contype = 'c' AND con.conrelid = to_regclass(?) AND array_length(con.conkey, 1) = 1""")) {
            ps.setString(1, "public." + table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Matcher m = LISTED.matcher(rs.getString(2));
                    List<String> values = new ArrayList<>();
                    while (m.find()) {
                        values.add(m.group(1));
                    }
                    if (!values.isEmpty()) {
                        listed.put(rs.getString(1), values);
                    }
                }
            }
        }
        return listed;
    }

    private static String ids(List<Long> ids) {
        StringBuilder sb = new StringBuilder();
        for (Long id : ids) {
            sb.append(sb.isEmpty() ? "" : ",").append(id);
        }
        return sb.toString();
    }
}

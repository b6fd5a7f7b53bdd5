package io.sphere.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The JDBC baseline's "audit outbox" insert, built at run time from the columns of {@code audit_outbox} as the
 * schema has it (the audit issue lands after this instrument): every column that must be given a value gets one of
 * the right type, the card's id or key where the column names a card, the actor where it names a user, and a
 * payload shaped and sized like the API's event ({@link #payload}) where it is JSON. When the table does not exist, there is no
 * outbox insert and the report says so.
 */
final class Outbox {

    static final String TABLE = "audit_outbox";

    private record Column(String name, String type, boolean required) {
    }

    private final String sql;
    private final List<String> binds;
    final String description;

    private Outbox(String sql, List<String> binds, String description) {
        this.sql = sql;
        this.binds = binds;
        this.description = description;
    }

    static Optional<Outbox> detect(Connection c) throws SQLException {
        if (!World.tableExists(c, TABLE)) {
            return Optional.empty();
        }
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT column_name, data_type,
                       is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO'
                       AND is_generated = 'NEVER'
                  FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?
                 ORDER BY ordinal_position""")) {
            ps.setString(1, TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
        }
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> binds = new ArrayList<>();
        for (Column col : columns) {
            String n = col.name.toLowerCase(Locale.ROOT);
            boolean names_card = n.contains("card") || n.equals("aggregate_id") || n.equals("entity_id");
            // the event itself: JSON, in a json/jsonb column or (since V020) a text column named payload
            boolean json = col.type.startsWith("json") || n.equals("payload");
            if (!col.required && !names_card && !json) {
                continue;
            }
            names.add(col.name);
            if (json) {
                values.add(col.type.startsWith("json") ? "CAST(? AS " + col.type + ")" : "?");
                binds.add("payload");
            } else if (names_card && (col.type.equals("bigint") || col.type.equals("integer"))) {
                values.add("?");
                binds.add("cardId");
            } else if (names_card && col.type.equals("text")) {
                values.add("?");
                binds.add("cardKey");
            } else if ((n.contains("user") || n.contains("actor") || n.endsWith("_by"))
                    && (col.type.equals("bigint") || col.type.equals("integer"))) {
                values.add("?");
                binds.add("actorId");
            } else if (n.contains("action") || n.contains("kind") || n.contains("type") || n.contains("event")) {
                values.add(col.type.equals("text") || col.type.startsWith("character") ? "?" : defaultFor(col));
                if (values.get(values.size() - 1).equals("?")) {
                    binds.add("action");
                }
            } else {
                values.add(defaultFor(col));
            }
        }
        String sql = "INSERT INTO " + TABLE + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", values) + ")";
        return Optional.of(new Outbox(sql, binds, sql));
    }

    private static String defaultFor(Column col) {
        return switch (col.type) {
            case "uuid" -> "gen_random_uuid()";
            case "timestamp with time zone", "timestamp without time zone" -> "now()";
            case "date" -> "current_date";
            case "boolean" -> "false";
            case "bigint", "integer", "smallint", "numeric" -> "1";
            case "bytea" -> "'\\x00'::bytea";
            default -> "'bench'";
        };
    }

    /** The insert, prepared once per connection like the API's pool does. */
    PreparedStatement prepare(Connection c) throws SQLException {
        return c.prepareStatement(sql);
    }

    void insert(PreparedStatement ps, long cardId, String cardKey, long actorId, String action, String payload)
            throws SQLException {
        int i = 1;
        for (String b : binds) {
            switch (b) {
                case "payload" -> ps.setString(i, payload);
                case "cardId" -> ps.setLong(i, cardId);
                case "cardKey" -> ps.setString(i, cardKey);
                case "actorId" -> ps.setLong(i, actorId);
                default -> ps.setString(i, action);
            }
            i++;
        }
        ps.executeUpdate();
    }

    /**
     * A payload shaped and sized like the event the API writes (AuditCodec's JSON of an AuditEvent): ids, actor, card,
     * version, request id and the field-level changes given as {@code [field, kind, from, to]} JSON literals.
     */
    static String payload(String action, long actorId, String actorEmail, long cardId, String cardKey, long typeId,
            long version, List<String[]> changes) {
        StringBuilder sb = new StringBuilder("{\"schema\":1,\"eventId\":\"").append(UUID.randomUUID())
                .append("\",\"occurredAt\":\"").append(Instant.now().truncatedTo(ChronoUnit.MICROS))
                .append("\",\"action\":\"").append(action).append("\",\"actorId\":").append(actorId)
                .append(",\"actorEmail\":\"").append(actorEmail).append("\",\"cardId\":").append(cardId)
                .append(",\"cardKey\":\"").append(cardKey).append("\",\"cardTypeId\":").append(typeId)
                .append(",\"cardVersion\":").append(version).append(",\"requestId\":\"")
                .append(UUID.randomUUID()).append("\",\"changes\":[");
        for (int i = 0; i < changes.size(); i++) {
            String[] c = changes.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"field\":\"").append(c[0]).append("\",\"kind\":\"")
                    .append(c[1]).append("\",\"from\":").append(c[2]).append(",\"to\":").append(c[3])
                    .append('}');
        }
        return sb.append("],\"detail\":{}}").toString();
    }
}

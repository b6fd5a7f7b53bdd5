package io.sphere.core.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sphere.core.messaging.MonthlyPartitions;
import io.sphere.core.messaging.MultiRowInsert;

/** Writes audit events in batches, idempotently: an event delivered twice is stored once. */
@ApplicationScoped
@Transactional
public class AuditStore {

    private static final MultiRowInsert<AuditEvent> INSERT = new MultiRowInsert<>("""
            INSERT INTO audit_event (occurred_at, event_id, action, actor_id, actor_email, card_id, card_key,
                                     card_type_id, card_version, request_id, fields, changes, detail) VALUES""",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb), cast(? AS jsonb))",
            "ON CONFLICT (occurred_at, event_id) DO NOTHING", AuditStore::bind);

    private final DataSource dataSource;
    private final MonthlyPartitions partitions;

    AuditStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.partitions = new MonthlyPartitions(dataSource, "sphere_ensure_audit_partitions", "audit");
    }

    /** @return how many events were new */
    public int store(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        // Rows may be older than the partitions made ahead (a long outage, a spool that outlived a month).
        partitions.ensure(events.stream().map(AuditEvent::occurredAt).toList());
        try (Connection c = dataSource.getConnection()) {
            return INSERT.insert(c, events);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot store " + events.size() + " audit events", e);
        }
    }

    private static void bind(PreparedStatement ps, int at, AuditEvent e) throws SQLException, IOException {
        ps.setTimestamp(at, Timestamp.from(e.occurredAt()));
        ps.setObject(at + 1, e.eventId());
        ps.setString(at + 2, e.action());
        setLong(ps, at + 3, e.actorId());
        ps.setString(at + 4, e.actorEmail());
        setLong(ps, at + 5, e.cardId());
        ps.setString(at + 6, e.cardKey());
        setLong(ps, at + 7, e.cardTypeId());
        setLong(ps, at + 8, e.cardVersion());
        ps.setObject(at + 9, e.requestId());
        ps.setArray(at + 10, ps.getConnection().createArrayOf("text", e.changes().stream().map(AuditChange::field)
                .distinct().toArray()));
        ps.setString(at + 11, AuditCodec.JSON.writeValueAsString(e.changes()));
        ps.setString(at + 12, AuditCodec.JSON.writeValueAsString(e.detail()));
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /** Retention dropped partitions: forget them so that a late row recreates its month. */
    public void forgetPartitions() {
        partitions.forget();
    }

    /** Creates this month's and the next months' partitions ahead of need. */
    public int ensureUpcomingPartitions(LocalDate today, int monthsAhead) {
        return partitions.ensureUpcoming(today, monthsAhead);
    }
}

package io.sphere.core.audit;

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

import com.fasterxml.jackson.core.JsonProcessingException;

import io.sphere.core.messaging.MonthlyPartitions;

/** Writes audit events in batches, idempotently: an event delivered twice is stored once. */
@ApplicationScoped
@Transactional
public class AuditStore {

    private static final String INSERT = """
            INSERT INTO audit_event (occurred_at, event_id, action, actor_id, actor_email, card_id, card_key,
                                     card_type_id, card_version, request_id, fields, changes, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb), cast(? AS jsonb))
            ON CONFLICT (occurred_at, event_id) DO NOTHING
            """;

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
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (AuditEvent e : events) {
                ps.setTimestamp(1, Timestamp.from(e.occurredAt()));
                ps.setObject(2, e.eventId());
                ps.setString(3, e.action());
                setLong(ps, 4, e.actorId());
                ps.setString(5, e.actorEmail());
                setLong(ps, 6, e.cardId());
                ps.setString(7, e.cardKey());
                setLong(ps, 8, e.cardTypeId());
                setLong(ps, 9, e.cardVersion());
                ps.setObject(10, e.requestId());
                ps.setArray(11, c.createArrayOf("text", e.changes().stream().map(AuditChange::field).distinct()
                        .toArray()));
                ps.setString(12, AuditCodec.JSON.writeValueAsString(e.changes()));
                ps.setString(13, AuditCodec.JSON.writeValueAsString(e.detail()));
                ps.addBatch();
            }
            int inserted = 0;
            for (int n : ps.executeBatch()) {
                inserted += Math.max(n, 0);
            }
            return inserted;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot store " + events.size() + " audit events", e);
        }
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

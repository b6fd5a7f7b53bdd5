package io.sphere.core.audit;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.narayana.jta.QuarkusTransaction;

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
    private final Set<YearMonth> knownPartitions = ConcurrentHashMap.newKeySet();

    AuditStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return how many events were new */
    public int store(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        ensurePartitions(events);
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

    /** An event may be older than the partitions made ahead (a long outage); its month is created first. */
    private void ensurePartitions(List<AuditEvent> events) {
        Set<YearMonth> months = new TreeSet<>();
        for (AuditEvent e : events) {
            YearMonth m = YearMonth.from(e.occurredAt().atOffset(ZoneOffset.UTC));
            if (!knownPartitions.contains(m)) {
                months.add(m);
            }
        }
        if (months.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT sphere_ensure_audit_partitions(?, 1)")) {
                for (YearMonth m : months) {
                    ps.setDate(1, Date.valueOf(LocalDate.of(m.getYear(), m.getMonth(), 1)));
                    ps.execute();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create audit partitions for " + months, e);
            }
        });
        knownPartitions.addAll(months);
    }

    /** Retention dropped partitions: forget them so that a late event recreates its month. */
    public void forgetPartitions() {
        knownPartitions.clear();
    }

    /** Creates this month's and the next months' partitions ahead of need. */
    public int ensureUpcomingPartitions(LocalDate today, int monthsAhead) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT sphere_ensure_audit_partitions(?, ?)")) {
            ps.setDate(1, Date.valueOf(today.withDayOfMonth(1)));
            ps.setInt(2, monthsAhead + 1);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create audit partitions", e);
        }
    }
}

package io.sphere.core.requestlog;

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

/** Writes request-log entries in batches, idempotently: an entry delivered twice is stored once. */
@ApplicationScoped
@Transactional
public class RequestLogStore {

    private static final MultiRowInsert<RequestLogEntry> INSERT = new MultiRowInsert<>("""
            INSERT INTO request_log (request_id, logged_at, user_id, user_email, client_ip, method, path, query,
                                     status, duration_micros, response_bytes, user_agent) VALUES""",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "ON CONFLICT (request_id, logged_at) DO NOTHING",
            RequestLogStore::bind);

    private final DataSource dataSource;
    private final MonthlyPartitions partitions;

    RequestLogStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.partitions = new MonthlyPartitions(dataSource, "sphere_ensure_request_log_partitions", "request-log");
    }

    /** @return how many entries were new */
    public int store(List<RequestLogEntry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        // Rows may be older than the partitions made ahead (a long outage, a spool that outlived a month).
        partitions.ensure(entries.stream().map(RequestLogEntry::loggedAt).toList());
        try (Connection c = dataSource.getConnection()) {
            return INSERT.insert(c, entries);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot store " + entries.size() + " request-log entries", e);
        }
    }

    private static void bind(PreparedStatement ps, int at, RequestLogEntry e) throws SQLException {
        ps.setObject(at, e.requestId());
        ps.setTimestamp(at + 1, Timestamp.from(e.loggedAt()));
        if (e.userId() == null) {
            ps.setNull(at + 2, Types.BIGINT);
        } else {
            ps.setLong(at + 2, e.userId());
        }
        ps.setString(at + 3, e.userEmail());
        ps.setString(at + 4, e.clientIp());
        ps.setString(at + 5, e.method());
        ps.setString(at + 6, e.path());
        ps.setString(at + 7, e.query());
        ps.setInt(at + 8, e.status());
        ps.setLong(at + 9, e.durationMicros());
        ps.setLong(at + 10, e.responseBytes());
        ps.setString(at + 11, e.userAgent());
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

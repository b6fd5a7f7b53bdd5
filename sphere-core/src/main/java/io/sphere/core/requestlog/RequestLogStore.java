package io.sphere.core.requestlog;

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

/** Writes request-log entries in batches, idempotently: an entry delivered twice is stored once. */
@ApplicationScoped
@Transactional
public class RequestLogStore {

    private static final String INSERT = """
            INSERT INTO request_log (request_id, logged_at, user_id, user_email, client_ip, method, path, query,
                                     status, duration_micros, response_bytes, user_agent)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (request_id, logged_at) DO NOTHING
            """;

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
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (RequestLogEntry e : entries) {
                    ps.setObject(1, e.requestId());
                    ps.setTimestamp(2, Timestamp.from(e.loggedAt()));
                    if (e.userId() == null) {
                        ps.setNull(3, Types.BIGINT);
                    } else {
                        ps.setLong(3, e.userId());
                    }
                    ps.setString(4, e.userEmail());
                    ps.setString(5, e.clientIp());
                    ps.setString(6, e.method());
                    ps.setString(7, e.path());
                    ps.setString(8, e.query());
                    ps.setInt(9, e.status());
                    ps.setLong(10, e.durationMicros());
                    ps.setLong(11, e.responseBytes());
                    ps.setString(12, e.userAgent());
                    ps.addBatch();
                }
                int inserted = 0;
                for (int n : ps.executeBatch()) {
                    inserted += Math.max(n, 0);
                }
                return inserted;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store " + entries.size() + " request-log entries", e);
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

package io.sphere.core.requestlog;

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

import io.quarkus.narayana.jta.QuarkusTransaction;

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
    private final Set<YearMonth> knownPartitions = ConcurrentHashMap.newKeySet();

    RequestLogStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return how many entries were new */
    public int store(List<RequestLogEntry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        ensurePartitions(entries);
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

    /**
     * Entries may come from a spool that outlived a month boundary; their partition must exist first. It is created
     * in a transaction of its own, so a batch that fails later cannot roll it back behind the cache's back.
     */
    private void ensurePartitions(List<RequestLogEntry> entries) {
        Set<YearMonth> months = new TreeSet<>();
        for (RequestLogEntry e : entries) {
            YearMonth m = YearMonth.from(e.loggedAt().atOffset(ZoneOffset.UTC));
            if (!knownPartitions.contains(m)) {
                months.add(m);
            }
        }
        if (months.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT sphere_ensure_request_log_partitions(?, 1)")) {
                for (YearMonth m : months) {
                    ps.setDate(1, Date.valueOf(LocalDate.of(m.getYear(), m.getMonth(), 1)));
                    ps.execute();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create request-log partitions for " + months, e);
            }
        });
        knownPartitions.addAll(months);
    }

    /** Retention drops whole partitions; the cache must forget them so that a late entry recreates its month. */
    public void forgetPartitions() {
        knownPartitions.clear();
    }

    /** Creates this month's and the next months' partitions ahead of need. */
    public int ensureUpcomingPartitions(LocalDate today, int monthsAhead) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT sphere_ensure_request_log_partitions(?, ?)")) {
            ps.setDate(1, Date.valueOf(today.withDayOfMonth(1)));
            ps.setInt(2, monthsAhead + 1);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create request-log partitions", e);
        }
    }
}

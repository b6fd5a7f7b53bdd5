package io.sphere.core.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sphere.core.audit.AuditStore;
import io.sphere.core.requestlog.RequestLogStore;

/**
 * Retention of the request log and the audit trail: a monthly partition goes once all of it is older than the
 * table's retention. Dropping a partition is instant, leaves no dead rows and fires no trigger, so the audit
 * trail's append-only rule and retention live side by side.
 */
@ApplicationScoped
public class RetentionService {

    public static final String REQUEST_LOG = "request_log";
    public static final String AUDIT = "audit_event";
    private static final Pattern MONTH = Pattern.compile("^(request_log|audit_event)_(\\d{4})_(\\d{2})$");

    /** One partition past its table's retention: its month [from, to) and its rows. */
    public record Expired(String table, String partition, LocalDate from, LocalDate to, long rows) {
    }

    private final DataSource dataSource;
    private final RetentionConfig config;
    private final RequestLogStore requestLog;
    private final AuditStore audit;

    RetentionService(DataSource dataSource, RetentionConfig config, RequestLogStore requestLog, AuditStore audit) {
        this.dataSource = dataSource;
        this.config = config;
        this.requestLog = requestLog;
        this.audit = audit;
    }

    /** What {@link #apply} would drop at {@code now}, oldest first; changes nothing. */
    @Transactional
    public List<Expired> plan(Instant now) {
        List<Expired> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            out.addAll(expired(c, REQUEST_LOG, config.requestLogDays(), now));
            out.addAll(expired(c, AUDIT, config.auditDays(), now));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the partitions", e);
        }
        return out;
    }

    /** Drops every expired partition in one transaction and returns what it dropped. */
    @Transactional
    public List<Expired> apply(Instant now) {
        List<Expired> plan = plan(now);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (Expired e : plan) {
                // The name matched MONTH, so it is a plain identifier; quoted all the same.
                st.execute("DROP TABLE IF EXISTS \"" + e.partition() + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop expired partitions", e);
        }
        requestLog.forgetPartitions();
        audit.forgetPartitions();
        return plan;
    }

    private static List<Expired> expired(Connection c, String table, int days, Instant now) throws SQLException {
        if (days <= 0) {
            return List.of();
        }
        LocalDate cutoff = now.minusSeconds(days * 86_400L).atZone(ZoneOffset.UTC).toLocalDate();
        List<Expired> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT child.relname FROM pg_inherits i
                  JOIN pg_class child ON child.oid = i.inhrelid
                  JOIN pg_class parent ON parent.oid = i.inhparent
                  JOIN pg_namespace n ON n.oid = parent.relnamespace
                 WHERE parent.relname = ? AND n.nspname = current_schema()""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Matcher m = MONTH.matcher(rs.getString(1));
                    if (!m.matches()) {
                        continue;
                    }
                    LocalDate from = LocalDate.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), 1);
                    LocalDate to = from.plusMonths(1);
                    if (!to.isAfter(cutoff)) {
                        out.add(new Expired(table, rs.getString(1), from, to, 0));
                    }
                }
            }
        }
        List<Expired> counted = new ArrayList<>();
        for (Expired e : out) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + e.partition() + "\"")) {
                rs.next();
                counted.add(new Expired(e.table(), e.partition(), e.from(), e.to(), rs.getLong(1)));
            }
        }
        counted.sort(Comparator.comparing(Expired::from));
        return counted;
    }
}

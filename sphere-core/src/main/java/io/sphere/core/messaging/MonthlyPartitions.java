package io.sphere.core.messaging;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The monthly partitions of a table filled from a queue, made by a {@code sphere_ensure_<what>_partitions(month,
 * count)} function. It remembers the months known to exist, so that a batch only pays for a month it has not seen.
 */
public final class MonthlyPartitions {

    private final DataSource dataSource;
    private final String function;
    private final String what;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    /**
     * @param function the SQL function, e.g. {@code sphere_ensure_audit_partitions}
     * @param what how error messages name the partitions, e.g. "audit"
     */
    public MonthlyPartitions(DataSource dataSource, String function, String what) {
        this.dataSource = dataSource;
        this.function = function;
        this.what = what;
    }

    /**
     * Creates the months of these times that are not known yet, in a transaction of its own, so that a batch that
     * fails later cannot roll them back behind the cache's back.
     */
    public void ensure(Collection<Instant> times) {
        Set<YearMonth> months = new TreeSet<>();
        for (Instant t : times) {
            YearMonth m = YearMonth.from(t.atOffset(ZoneOffset.UTC));
            if (!known.contains(m)) {
                months.add(m);
            }
        }
        if (months.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?, 1)")) {
                for (YearMonth m : months) {
                    ps.setDate(1, Date.valueOf(LocalDate.of(m.getYear(), m.getMonth(), 1)));
                    ps.execute();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create " + what + " partitions for " + months, e);
            }
        });
        known.addAll(months);
    }

    /** Retention drops whole partitions: forget them so that a late row recreates its month. */
    public void forget() {
        known.clear();
    }

    /** Creates this month's and the next months' partitions ahead of need; returns how many were created. */
    public int ensureUpcoming(LocalDate today, int monthsAhead) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?, ?)")) {
            ps.setDate(1, Date.valueOf(today.withDayOfMonth(1)));
            ps.setInt(2, monthsAhead + 1);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create " + what + " partitions", e);
        }
    }
}

package io.sphere.core.messaging;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a batch of rows with multi-row {@code INSERT ... VALUES (...), (...)} statements of three fixed sizes
 * (64, 8 and 1 rows): a batch of 200 costs PostgreSQL 6 statements instead of 200 executions, and there are only
 * three statement texts to prepare. The count it returns is what the statements inserted, so an {@code ON CONFLICT
 * DO NOTHING} tail still tells new rows from redeliveries, also when one batch holds the same row twice.
 *
 * @param <T> what one row is made from
 */
public final class MultiRowInsert<T> {

    /** Binds one row's parameters, the first at {@code at}. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement ps, int at, T row) throws SQLException, IOException;
    }

    private static final int[] SIZES = {64, 8, 1};

    private final String[] statements = new String[SIZES.length];
    private final int parameters;
    private final Binder<T> binder;

    /**
     * @param head the statement up to {@code VALUES}, e.g. {@code INSERT INTO t (a, b) VALUES}
     * @param row one row's placeholders, e.g. {@code (?, cast(? AS jsonb))}
     * @param tail what follows the rows, e.g. {@code ON CONFLICT (a) DO NOTHING}
     */
    public MultiRowInsert(String head, String row, String tail, Binder<T> binder) {
        this.parameters = (int) row.chars().filter(ch -> ch == '?').count();
        this.binder = binder;
        for (int i = 0; i < SIZES.length; i++) {
            StringBuilder sql = new StringBuilder(head.strip()).append(' ');
            for (int r = 0; r < SIZES[i]; r++) {
                sql.append(r == 0 ? "" : ", ").append(row);
            }
            statements[i] = sql.append(' ').append(tail.strip()).toString();
        }
    }

    /** @return how many rows the statements inserted */
    public int insert(Connection c, List<T> rows) throws SQLException, IOException {
        int inserted = 0;
        int from = 0;
        for (int i = 0; i < SIZES.length && from < rows.size(); i++) {
            int size = SIZES[i];
            if (rows.size() - from < size) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement(statements[i])) {
                while (rows.size() - from >= size) {
                    for (int r = 0; r < size; r++) {
                        binder.bind(ps, r * parameters + 1, rows.get(from + r));
                    }
                    inserted += ps.executeUpdate();
                    from += size;
                }
            }
        }
        return inserted;
    }
}

package io.sphere.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Direct access to the test database, outside the applications under test, so that a test sees what really reached
 * PostgreSQL. A copy of the idea of core's test helper: these tests depend on no module's classes.
 */
final class TestDatabase {

    static final String URL = System.getProperty("sphere.e2e.db.url", "jdbc:postgresql://127.0.0.1:5432/sphere_test");
    static final String USER = System.getProperty("sphere.e2e.db.user", "sphere");
    static final String PASSWORD = System.getProperty("sphere.e2e.db.password", "sphere");

    /** One row of table {@code request_log}, the columns the tests look at. */
    record RequestLogRow(UUID requestId, String method, String path, int status, String userEmail) {
    }

    private TestDatabase() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    /** Empties every table of schema public except Flyway's history; partitions are emptied through their parent. */
    static void clean() {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                       AND c.relname <> 'flyway_schema_history'""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                st.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clean the test database " + URL + ": " + e.getMessage(), e);
        }
    }

    static List<RequestLogRow> requestLog(Collection<UUID> requestIds) {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT request_id, method, path, status, user_email FROM request_log
                         WHERE request_id = ANY (?)""")) {
            ps.setArray(1, c.createArrayOf("uuid", requestIds.toArray()));
            List<RequestLogRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new RequestLogRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getInt(4), rs.getString(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read request_log from " + URL + ": " + e.getMessage(), e);
        }
    }
}

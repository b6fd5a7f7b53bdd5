package io.sphere.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.testing.TestDatabase;

/**
 * A foreign key that deletes or nulls its rows with the parent makes PostgreSQL look them up by that column once per
 * parent row deleted: without an index leading with the column, every such delete scans the whole table. People are
 * the exception: nothing deletes an account (it is deactivated), so the authorship columns that would be set to null
 * stay unindexed rather than cost every write on the busiest tables an index.
 */
@QuarkusTest
class ForeignKeyIndexTest {

    @Test
    void everyCascadingForeignKeyHasAnIndexLeadingWithItsColumn() throws SQLException {
        List<String> unindexed = new ArrayList<>();
        try (Connection c = TestDatabase.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        SELECT con.conrelid::regclass::text || '.' || a.attname || ' -> '
                               || con.confrelid::regclass::text
                          FROM pg_constraint con
                          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
                         WHERE con.contype = 'f' AND con.confdeltype IN ('c', 'n', 'd')
                           AND NOT (con.confdeltype = 'n' AND con.confrelid = 'app_user'::regclass)
                           AND con.connamespace = 'public'::regnamespace
                           AND NOT EXISTS (SELECT 1 FROM pg_index i
                                            WHERE i.indrelid = con.conrelid AND i.indkey[0] = con.conkey[1])
                         ORDER BY 1""")) {
            while (rs.next()) {
                unindexed.add(rs.getString(1));
            }
        }
        assertThat(unindexed).isEmpty();
    }

    @Test
    void theCheckSeesTheCascadingKeysItIsAbout() {
        // the query above must be looking at real constraints: reminders and notifications cascade with their card
        assertThat(TestDatabase.count("""
                SELECT count(*) FROM pg_constraint
                 WHERE contype = 'f' AND confdeltype = 'c' AND confrelid = 'card'::regclass
                   AND conrelid IN ('reminder'::regclass, 'notification'::regclass)""")).isEqualTo(2);
    }
}

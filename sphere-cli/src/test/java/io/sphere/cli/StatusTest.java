package io.sphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.sphere.core.testing.TestDatabase;

@QuarkusMainTest
class StatusTest {

    @BeforeEach
    void migratedDatabase() {
        TestSchema.migrate();
    }

    @Test
    void everythingUpPrintsOkLinesAndExitsZero(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("status");

        assertThat(result.exitCode()).isZero();
        List<String> expected = new ArrayList<>();
        expected.add("OK   database " + TestDatabase.URL + " is reachable");
        expected.add("OK   schema at version " + TestSchema.latestVersion() + ", nothing pending");
        expected.add("OK   broker amqp://guest@127.0.0.1:5672/ is reachable");
        // This machine's own PostgreSQL decides whether the autovacuum warning is due; the test reads it too.
        if (!"on".equals(setting("autovacuum")) || !"on".equals(setting("track_counts"))) {
            expected.add("WARN PostgreSQL's autovacuum is off (autovacuum = " + setting("autovacuum")
                    + ", track_counts = " + setting("track_counts") + "): rows left behind by updates and deletes are"
                    + " never cleaned up, so tables and indexes grow and lists slow down. Set both to on in"
                    + " postgresql.conf and reload.");
        }
        assertThat(result.getOutputStream()).containsExactlyElementsOf(expected);
        assertThat(result.getErrorOutput()).isEmpty();
    }

    @Test
    void warnsAboutTablesWithAutovacuumDisabledAndStillExitsZero(QuarkusMainLauncher launcher) throws Exception {
        try {
            TestDatabase.execute("ALTER TABLE card SET (autovacuum_enabled = false)");
            TestDatabase.execute("ALTER TABLE task SET (autovacuum_enabled = false)");

            LaunchResult result = launcher.launch("status");

            assertThat(result.exitCode()).isZero();
            assertThat(result.getOutputStream()).contains("WARN autovacuum is disabled on these tables: card, task."
                    + " Run ALTER TABLE ... RESET (autovacuum_enabled) on each.");
        } finally {
            TestDatabase.execute("ALTER TABLE card RESET (autovacuum_enabled)");
            TestDatabase.execute("ALTER TABLE task RESET (autovacuum_enabled)");
        }
    }

    private static String setting(String name) {
        try (Connection c = TestDatabase.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.sphere.worker.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** Tells a database that is down from a message the database refuses, for {@link BatchConsumer}. */
public final class DatabaseProbe {

    private static final int PROBE_TIMEOUT_SECONDS = 5;

    private DatabaseProbe() {
    }

    /** @return whether the database answers a trivial query within a few seconds */
    public static boolean answers(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
            st.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}

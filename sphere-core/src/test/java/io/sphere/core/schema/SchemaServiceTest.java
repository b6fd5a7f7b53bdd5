package io.sphere.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.schema.SchemaService.SchemaBehindException;
import io.sphere.core.schema.SchemaService.SchemaMigrationFailedException;
import io.sphere.core.schema.SchemaService.SchemaNewerThanCodeException;
import io.sphere.core.testing.TestDatabase;

/**
 * The start-up check reads only Flyway's history table and the build's list of scripts; it must refuse exactly what
 * Flyway's full view ({@link SchemaService#state()}) would, and a failed migration as well.
 */
@QuarkusTest
class SchemaServiceTest {

    @Inject
    SchemaService schema;

    /** The last migration this build ships, as Flyway recorded it, e.g. "V019 cascade foreign key indexes". */
    String latest;
    String latestVersion;

    /** The history as the test found it (migrated at start): the other tests of the module need it back intact. */
    @BeforeEach
    void keepTheHistory() {
        TestDatabase.execute("CREATE TABLE schema_service_test_history AS SELECT * FROM flyway_schema_history");
        latestVersion = schema.state().codeVersion();
        latest = "V" + latestVersion + " " + description(latestVersion);
    }

    @AfterEach
    void restoreTheHistory() {
        TestDatabase.execute("ALTER TABLE IF EXISTS schema_service_test_renamed RENAME TO flyway_schema_history");
        TestDatabase.execute("DELETE FROM flyway_schema_history");
        TestDatabase.execute("INSERT INTO flyway_schema_history SELECT * FROM schema_service_test_history");
        TestDatabase.execute("DROP TABLE schema_service_test_history");
    }

    @Test
    void acceptsTheSchemaThisBuildMigrated() {
        assertThatCode(schema::requireCurrent).doesNotThrowAnyException();
        assertThat(schema.state().isCurrent()).isTrue();
    }

    @Test
    void refusesAMissingMigrationAsFlywayWould() {
        TestDatabase.execute("DELETE FROM flyway_schema_history WHERE version = ?", latestVersion);

        var refused = catchThrowableOfType(SchemaBehindException.class, schema::requireCurrent);

        assertThat(refused).hasMessageContaining("1 migration(s) pending: " + latest)
                .hasMessage(new SchemaBehindException(schema.state()).getMessage());
    }

    @Test
    void refusesAnEmptyDatabaseWithEveryMigrationPending() {
        TestDatabase.execute("ALTER TABLE flyway_schema_history RENAME TO schema_service_test_renamed");

        var refused = catchThrowableOfType(SchemaBehindException.class, schema::requireCurrent);

        assertThat(refused).hasMessageContaining("V001 create users, V002 create user sessions")
                .hasMessage(new SchemaBehindException(schema.state()).getMessage());
    }

    @Test
    void refusesAMigrationThisBuildDoesNotKnowAsFlywayWould() {
        TestDatabase.execute("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                   installed_by, execution_time, success)
                SELECT max(installed_rank) + 1, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0,
                       'sphere', 0, true FROM flyway_schema_history""");

        var refused = catchThrowableOfType(SchemaNewerThanCodeException.class, schema::requireCurrent);

        assertThat(refused)
                .hasMessageContaining("(version 999) is newer than this Sphere (version " + latestVersion + ")")
                .hasMessageContaining("V999 from the future")
                .hasMessage(new SchemaNewerThanCodeException(schema.state()).getMessage());
    }

    @Test
    void refusesAFailedMigration() {
        TestDatabase.execute("UPDATE flyway_schema_history SET success = false WHERE version = ?", latestVersion);

        var refused = catchThrowableOfType(SchemaMigrationFailedException.class, schema::requireCurrent);

        assertThat(refused).hasMessageContaining("(" + latest + ")").hasMessageContaining("sphere-cli migrate");
    }

    private static String description(String version) {
        try (Connection c = TestDatabase.connect();
                var query = c.prepareStatement("SELECT description FROM flyway_schema_history WHERE version = ?")) {
            query.setString(1, version);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

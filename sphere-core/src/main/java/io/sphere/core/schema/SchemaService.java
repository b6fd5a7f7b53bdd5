package io.sphere.core.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;

/** The schema as Flyway sees it (S2). Only {@code sphere-cli migrate} changes it in production. */
@ApplicationScoped
public class SchemaService {

    /** PostgreSQL's undefined_table: a database Flyway never touched has no history yet. */
    private static final String UNDEFINED_TABLE = "42P01";

    private final Flyway flyway;

    SchemaService(Flyway flyway) {
        this.flyway = flyway;
    }

    public SchemaState state() {
        var info = flyway.info();
        MigrationInfo[] all = info.all();
        List<String> pending = Arrays.stream(all).filter(m -> m.getState() == MigrationState.PENDING)
                .map(SchemaService::describe).toList();
        List<String> future = Arrays.stream(all).filter(m -> m.getState().name().startsWith("FUTURE"))
                .map(SchemaService::describe).toList();
        MigrationInfo current = info.current();
        String codeVersion = Arrays.stream(all).filter(m -> m.getVersion() != null && !m.getState().name()
                .startsWith("FUTURE")).reduce((a, b) -> b).map(m -> m.getVersion().getVersion()).orElse("none");
        return new SchemaState(Optional.ofNullable(current).map(m -> m.getVersion().getVersion()), codeVersion,
                pending, future);
    }

    /**
     * Applies what is pending. Refuses a database that already has migrations this build does not know: running an
     * older Sphere against a newer schema could corrupt data.
     */
    public List<String> migrate() {
        SchemaState before = state();
        if (!before.future().isEmpty()) {
            throw new SchemaNewerThanCodeException(before);
        }
        MigrateResult result = flyway.migrate();
        return result.migrations.stream().map(m -> "V" + m.version + " " + m.description).toList();
    }

    /**
     * For web and worker start-up: refuse to run against a schema that is behind or ahead of the code, or that a failed
     * migration left half done.
     * <p>
     * {@link #state()} would answer too, but {@code flyway.info()} took 0.2–0.6 s of every start: it sets up Flyway's
     * database support and resolves every script, reading each for its checksum. Here the build's migrations are the
     * script names the Flyway extension listed at build time, compared with one query of Flyway's history table.
     */
    public void requireCurrent() {
        Configuration config = flyway.getConfiguration();
        List<Migration> shipped = shipped(config);
        List<HistoryRow> history = history(config);

        List<String> failed = history.stream().filter(row -> !row.success()).map(HistoryRow::describe).toList();
        if (!failed.isEmpty()) {
            throw new SchemaMigrationFailedException(failed);
        }
        List<HistoryRow> applied = history.stream().filter(HistoryRow::isMigration).toList();
        Optional<MigrationVersion> baseline = history.stream().filter(row -> "BASELINE".equals(row.type()))
                .map(HistoryRow::version).max(Comparator.naturalOrder());
        Set<MigrationVersion> known = shipped.stream().map(Migration::version).collect(Collectors.toSet());
        Set<MigrationVersion> done = applied.stream().map(HistoryRow::version).collect(Collectors.toSet());

        List<String> future = applied.stream().filter(row -> !known.contains(row.version()))
                .map(HistoryRow::describe).toList();
        List<String> pending = shipped.stream().filter(m -> !done.contains(m.version())
                && baseline.map(b -> m.version().compareTo(b) > 0).orElse(true)).map(Migration::describe).toList();
        SchemaState state = new SchemaState(
                applied.stream().map(HistoryRow::version).max(Comparator.naturalOrder())
                        .map(MigrationVersion::getVersion),
                shipped.stream().map(Migration::version).max(Comparator.naturalOrder())
                        .map(MigrationVersion::getVersion).orElse("none"),
                pending, future);
        if (!future.isEmpty()) {
            throw new SchemaNewerThanCodeException(state);
        }
        if (!pending.isEmpty()) {
            throw new SchemaBehindException(state);
        }
    }

    /**
     * The versioned SQL scripts of the configured locations, as the Flyway extension found them at build time; Flyway
     * resolves its migrations from the same list.
     */
    private static List<Migration> shipped(Configuration config) {
        if (config.getResourceProvider() == null) {
            throw new IllegalStateException("Flyway has no build-time list of migrations to check the schema against");
        }
        if (config.getJavaMigrationClassProvider() != null
                && !config.getJavaMigrationClassProvider().getClasses().isEmpty()) {
            // Sphere's migrations are SQL scripts (sphere-migrations); a Java one would need its version read here.
            throw new IllegalStateException("The start-up schema check knows only SQL migrations, not Java ones");
        }
        String prefix = config.getSqlMigrationPrefix();
        String separator = config.getSqlMigrationSeparator();
        String[] suffixes = config.getSqlMigrationSuffixes();
        List<Migration> shipped = new ArrayList<>();
        for (LoadableResource script : config.getResourceProvider().getResources(prefix, suffixes)) {
            String name = script.getFilename();
            int split = name.indexOf(separator, prefix.length());
            if (split < 0) {
                continue; // Flyway skips a script it cannot name a version for, so does this check
            }
            int end = name.length() - Arrays.stream(suffixes).filter(name::endsWith).findFirst().orElse("").length();
            String description = name.substring(split + separator.length(), end);
            shipped.add(new Migration(MigrationVersion.fromVersion(name.substring(prefix.length(), split)),
                    description.replace('_', ' ')));
        }
        shipped.sort(Comparator.comparing(Migration::version));
        return shipped;
    }

    private static List<HistoryRow> history(Configuration config) {
        String schema = config.getDefaultSchema() != null
                ? config.getDefaultSchema()
                : config.getSchemas().length > 0 ? config.getSchemas()[0] : null;
        String table = (schema == null ? "" : quote(schema) + ".") + quote(config.getTable());
        List<HistoryRow> rows = new ArrayList<>();
        try (Connection connection = config.getDataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT version, description, type, success FROM " + table + " ORDER BY installed_rank")) {
            while (result.next()) {
                String version = result.getString(1);
                rows.add(new HistoryRow(version == null ? null : MigrationVersion.fromVersion(version),
                        result.getString(2), result.getString(3), result.getBoolean(4)));
            }
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot read the schema history " + table + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String describe(MigrationInfo m) {
        return "V" + (m.getVersion() == null ? "?" : m.getVersion().getVersion()) + " " + m.getDescription();
    }

    /** A versioned script this build ships. */
    private record Migration(MigrationVersion version, String description) {

        String describe() {
            return "V" + version.getVersion() + " " + description;
        }
    }

    /** A row of Flyway's history; {@code version} is null for a repeatable script. */
    private record HistoryRow(MigrationVersion version, String description, String type, boolean success) {

        /** A versioned migration, not a repeatable script nor one of Flyway's markers (schema creation, baseline). */
        boolean isMigration() {
            return version != null && !"SCHEMA".equals(type) && !"BASELINE".equals(type);
        }

        String describe() {
            return (version == null ? "R" : "V" + version.getVersion()) + " " + description;
        }
    }

    /** The schema does not match this build: web and worker refuse to start, naming what to do. */
    public abstract static class SchemaMismatchException extends RuntimeException {

        SchemaMismatchException(String message) {
            super(message);
        }
    }

    public static final class SchemaBehindException extends SchemaMismatchException {
        public SchemaBehindException(SchemaState s) {
            super("The database schema is behind this Sphere (" + s.pending().size() + " migration(s) pending: "
                    + String.join(", ", s.pending()) + "). Run `sphere-cli migrate` first.");
        }
    }

    public static final class SchemaNewerThanCodeException extends SchemaMismatchException {
        public SchemaNewerThanCodeException(SchemaState s) {
            super("The database schema (version " + s.appliedVersion().orElse("?")
                    + ") is newer than this Sphere (version " + s.codeVersion() + "); it has migrations this build"
                    + " does not know: " + String.join(", ", s.future()) + ". Install the newer Sphere instead.");
        }
    }

    public static final class SchemaMigrationFailedException extends SchemaMismatchException {
        public SchemaMigrationFailedException(List<String> failed) {
            super("A migration failed on this database and may have left it half changed (" + String.join(", ", failed)
                    + "). Undo what it did, delete its row from flyway_schema_history, then run `sphere-cli migrate`.");
        }
    }
}

package io.sphere.core.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/** The schema as Flyway sees it (S2). Only {@code sphere-cli migrate} changes it in production. */
@ApplicationScoped
public class SchemaService {

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

    /** For web and worker start-up: refuse to run against a schema that is behind or ahead of the code. */
    public void requireCurrent() {
        SchemaState s = state();
        if (!s.future().isEmpty()) {
            throw new SchemaNewerThanCodeException(s);
        }
        if (!s.pending().isEmpty()) {
            throw new SchemaBehindException(s);
        }
    }

    private static String describe(MigrationInfo m) {
        return "V" + (m.getVersion() == null ? "?" : m.getVersion().getVersion()) + " " + m.getDescription();
    }

    public static final class SchemaBehindException extends RuntimeException {
        public SchemaBehindException(SchemaState s) {
            super("The database schema is behind this Sphere (" + s.pending().size() + " migration(s) pending: "
                    + String.join(", ", s.pending()) + "). Run `sphere-cli migrate` first.");
        }
    }

    public static final class SchemaNewerThanCodeException extends RuntimeException {
        public SchemaNewerThanCodeException(SchemaState s) {
            super("The database schema (version " + s.appliedVersion().orElse("?")
                    + ") is newer than this Sphere (version " + s.codeVersion() + "); it has migrations this build"
                    + " does not know: " + String.join(", ", s.future()) + ". Install the newer Sphere instead.");
        }
    }
}

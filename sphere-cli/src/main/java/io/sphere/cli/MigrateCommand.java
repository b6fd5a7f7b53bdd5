package io.sphere.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.sphere.core.schema.SchemaService;
import io.sphere.core.schema.SchemaService.SchemaNewerThanCodeException;
import io.sphere.core.schema.SchemaState;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** S2: the only way the production schema changes. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply the pending database migrations and list what was applied.")
class MigrateCommand implements Callable<Integer> {

    private final SchemaService schema;
    private final Messages messages;

    @Spec
    CommandSpec spec;

    MigrateCommand(SchemaService schema, Messages messages) {
        this.schema = schema;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        List<String> applied;
        try {
            applied = schema.migrate();
        } catch (SchemaNewerThanCodeException e) {
            // The exception carries only an English sentence; the state gives the versions to say it in any language.
            SchemaState state = schema.state();
            throw new CliFailure("migrate.schema-newer",
                    Map.of("applied", state.appliedVersion().orElse("?"), "code", state.codeVersion(), "future",
                            String.join(", ", state.future())),
                    e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (applied.isEmpty()) {
            out.println(messages.get("migrate.nothing-pending",
                    Map.of("version", schema.state().appliedVersion().orElse(messages.get("schema.no-version")))));
        } else {
            applied.forEach(migration -> out.println(messages.get("migrate.applied", Map.of("migration", migration))));
        }
        return 0;
    }
}

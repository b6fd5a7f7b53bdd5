package io.sphere.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.Callable;

import io.agroal.api.AgroalDataSource;
import io.sphere.core.messaging.Broker;
import io.sphere.core.schema.SchemaService;
import io.sphere.core.schema.SchemaState;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What an operator (or a monitoring script) checks first: every line starts with {@code OK}, {@code WARN} or
 * {@code FAIL} in every language so that it can be grepped, and the exit code says whether Sphere can run (a warning
 * does not stop it: it names what will hurt later).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Check the database, the schema version and the message broker.")
class StatusCommand implements Callable<Integer> {

    private final AgroalDataSource dataSource;
    private final SchemaService schema;
    private final Broker broker;
    private final Messages messages;

    @Spec
    CommandSpec spec;

    StatusCommand(AgroalDataSource dataSource, SchemaService schema, Broker broker, Messages messages) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.broker = broker;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean databaseUp = checkDatabase(out);
        boolean schemaCurrent = databaseUp ? checkSchema(out) : fail(out, "status.schema.unknown", Map.of());
        boolean brokerUp = checkBroker(out);
        if (databaseUp) {
            // Last, so that the three lines every script reads keep their places.
            checkVacuum(out);
        }
        return databaseUp && schemaCurrent && brokerUp ? 0 : ErrorReporter.FAILURE;
    }

    private boolean checkDatabase(PrintWriter out) {
        String url = dataSource.getConfiguration().connectionPoolConfiguration().connectionFactoryConfiguration()
                .jdbcUrl();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT 1")) {
            result.next();
            return ok(out, "status.database.ok", Map.of("url", url));
        } catch (Exception e) {
            return fail(out, "status.database.fail", Map.of("url", url, "reason", ErrorReporter.reason(e)));
        }
    }

    /**
     * Without autovacuum every update leaves a dead row version behind for good: the card-type counter, tasks,
     * the outbox and the partial indexes on open cards grow until lists crawl. Sphere runs, so it is a warning.
     */
    private void checkVacuum(PrintWriter out) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT current_setting('autovacuum'), current_setting('track_counts'),
                               (SELECT string_agg(c.relname, ', ' ORDER BY c.relname)
                                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
                                   AND c.reloptions @> ARRAY['autovacuum_enabled=false'])""")) {
            result.next();
            String autovacuum = result.getString(1);
            String trackCounts = result.getString(2);
            if (!"on".equals(autovacuum) || !"on".equals(trackCounts)) {
                warn(out, "status.vacuum.off", Map.of("autovacuum", autovacuum, "trackCounts", trackCounts));
            }
            if (result.getString(3) != null) {
                warn(out, "status.vacuum.tables", Map.of("tables", result.getString(3)));
            }
        } catch (Exception e) {
            // The database answered a moment ago; a settings query that fails tells nothing more than that line.
        }
    }

    private boolean checkSchema(PrintWriter out) {
        SchemaState state;
        try {
            state = schema.state();
        } catch (Exception e) {
            return fail(out, "status.schema.unreadable", Map.of("reason", ErrorReporter.reason(e)));
        }
        String applied = state.appliedVersion().orElse(messages.get("schema.no-version"));
        Map<String, String> args = Map.of("applied", applied, "code", state.codeVersion(), "pending",
                String.join(", ", state.pending()), "future", String.join(", ", state.future()));
        if (!state.future().isEmpty()) {
            return fail(out, "status.schema.newer", args);
        }
        if (!state.pending().isEmpty()) {
            return fail(out, "status.schema.pending", args);
        }
        return ok(out, "status.schema.ok", args);
    }

    private boolean checkBroker(PrintWriter out) {
        try (com.rabbitmq.client.Connection connection = broker.connect("cli-status")) {
            return ok(out, "status.broker.ok", Map.of("broker", broker.describe()));
        } catch (Exception e) {
            return fail(out, "status.broker.fail",
                    Map.of("broker", broker.describe(), "reason", ErrorReporter.reason(e)));
        }
    }

    private boolean ok(PrintWriter out, String key, Map<String, ?> args) {
        out.println("OK   " + messages.get(key, args));
        return true;
    }

    private void warn(PrintWriter out, String key, Map<String, ?> args) {
        out.println("WARN " + messages.get(key, args));
    }

    private boolean fail(PrintWriter out, String key, Map<String, ?> args) {
        out.println("FAIL " + messages.get(key, args));
        return false;
    }
}

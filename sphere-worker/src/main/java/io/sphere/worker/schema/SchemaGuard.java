package io.sphere.worker.schema;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.sphere.core.schema.SchemaService;
import io.sphere.core.schema.SchemaService.SchemaMismatchException;
import io.sphere.worker.OneLine;

/**
 * Refuses to run against a schema that is behind or ahead of this build, or half changed by a failed migration: a
 * consumer writing rows into tables it does not know would corrupt data or dead-letter every message. Only
 * {@code sphere-cli migrate} changes the schema.
 */
@ApplicationScoped
public class SchemaGuard {

    /**
     * EX_CONFIG from sysexits.h: the installation needs an operator, so supervisor may list it in {@code exitcodes}
     * instead of restarting in a loop.
     */
    static final int EXIT_CODE = 78;

    private static final Logger LOG = Logger.getLogger(SchemaGuard.class);

    private final SchemaService schema;
    private volatile boolean passed;

    SchemaGuard(SchemaService schema) {
        this.schema = schema;
    }

    /** Runs before every other start-up observer, so nothing consumes or schedules work before the check. */
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        try {
            schema.requireCurrent();
            passed = true;
        } catch (SchemaMismatchException e) {
            refuse(e.getMessage());
        } catch (RuntimeException e) {
            refuse("Cannot check the database schema: " + OneLine.describe(e));
        }
    }

    private void refuse(String reason) {
        LOG.error(reason);
        Quarkus.asyncExit(EXIT_CODE);
    }

    /** Whether start-up may go on to consume messages and run jobs. */
    public boolean passed() {
        return passed;
    }

    /** Keeps scheduled jobs quiet in the moments between a refused start and the exit. */
    @Singleton
    public static class Refused implements Scheduled.SkipPredicate {

        private final SchemaGuard guard;

        Refused(SchemaGuard guard) {
            this.guard = guard;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !guard.passed();
        }
    }
}

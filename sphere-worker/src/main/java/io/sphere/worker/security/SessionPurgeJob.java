package io.sphere.worker.security;

import static io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.sphere.core.security.SessionService;
import io.sphere.worker.OneLine;
import io.sphere.worker.schema.SchemaGuard;

/** Deletes expired browser sessions, which the web only ignores, so the table stays the size of live sessions. */
@ApplicationScoped
class SessionPurgeJob {

    /** The scheduler resolves it from {@link SessionPurgeConfig#every()}. */
    private static final String EVERY = "${sphere.worker.session-purge.every}";

    private static final Logger LOG = Logger.getLogger(SessionPurgeJob.class);

    private final SessionService sessions;
    private final SessionPurgeConfig config;

    SessionPurgeJob(SessionService sessions, SessionPurgeConfig config) {
        this.sessions = sessions;
        this.config = config;
    }

    @Scheduled(every = EVERY, concurrentExecution = SKIP, skipExecutionIf = SchemaGuard.Refused.class)
    void purge() {
        try {
            LOG.infof("Purged %d expired browser sessions; next purge in %s", sessions.purgeExpired(), config.every());
        } catch (RuntimeException e) {
            LOG.errorf("Session purge failed, next attempt at the next run: %s", OneLine.describe(e));
        }
    }
}

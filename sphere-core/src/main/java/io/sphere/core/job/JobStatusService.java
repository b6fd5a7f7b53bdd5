package io.sphere.core.job;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.security.Actor;

/** The last run of every background job on every worker, written by the worker and shown to the superuser. */
@ApplicationScoped
@Transactional
public class JobStatusService {

    /** One job on one worker; {@code lastError} is the latest failure, which may be older than the latest run. */
    public record JobStatus(String job, String worker, Instant lastStartedAt, long lastDurationMs, int lastItems,
            int lastNotified, Optional<String> lastError, Optional<Instant> lastErrorAt, long runs, long failures) {
    }

    private final EntityManager em;

    JobStatusService(EntityManager em) {
        this.em = em;
    }

    /** {@code error}: the failure of this run in one line, or null when it succeeded. */
    public void record(String job, String worker, Instant startedAt, long durationMs, int items, int notified,
            String error) {
        em.createNativeQuery("""
                INSERT INTO job_status (job, worker, last_started_at, last_duration_ms, last_items, last_notified,
                                        last_error, last_error_at, runs, failures)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS text), CAST(?8 AS timestamptz), 1,
                        CASE WHEN CAST(?7 AS text) IS NULL THEN 0 ELSE 1 END)
                ON CONFLICT (job, worker) DO UPDATE SET last_started_at = EXCLUDED.last_started_at,
                       last_duration_ms = EXCLUDED.last_duration_ms, last_items = EXCLUDED.last_items,
                       last_notified = EXCLUDED.last_notified,
                       last_error = coalesce(EXCLUDED.last_error, job_status.last_error),
                       last_error_at = coalesce(EXCLUDED.last_error_at, job_status.last_error_at),
                       runs = job_status.runs + 1, failures = job_status.failures + EXCLUDED.failures""")
                .setParameter(1, job).setParameter(2, worker).setParameter(3, Timestamp.from(startedAt))
                .setParameter(4, durationMs).setParameter(5, items).setParameter(6, notified)
                .setParameter(7, error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error)
                .setParameter(8, error == null ? null : Timestamp.from(startedAt)).executeUpdate();
    }

    /** Superuser only; newest run first. */
    @SuppressWarnings("unchecked")
    public List<JobStatus> list(Actor actor) {
        if (!actor.superuser()) {
            throw new SphereException(ErrorCode.ACCESS_DENIED);
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT job, worker, last_started_at, last_duration_ms, last_items, last_notified, last_error,
                       last_error_at, runs, failures
                  FROM job_status ORDER BY job, last_started_at DESC""").getResultList();
        return rows.stream().map(r -> new JobStatus((String) r[0], (String) r[1], instant(r[2]),
                ((Number) r[3]).longValue(), ((Number) r[4]).intValue(), ((Number) r[5]).intValue(),
                Optional.ofNullable((String) r[6]), Optional.ofNullable(r[7]).map(JobStatusService::instant),
                ((Number) r[8]).longValue(), ((Number) r[9]).longValue())).toList();
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        return ((java.time.OffsetDateTime) o).toInstant();
    }
}

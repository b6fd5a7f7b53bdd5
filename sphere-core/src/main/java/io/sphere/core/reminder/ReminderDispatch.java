package io.sphere.core.reminder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The worker's reminder dispatch, one batch per call in one statement: due reminders are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, marked SENT and turned into a notification keyed {@code reminder:<id>} (unique per
 * recipient, inserted with {@code ON CONFLICT DO NOTHING}) in the same transaction, so a reminder fires exactly once
 * with any number of workers, and a run that dies before its commit leaves its reminders for the next one.
 */
@ApplicationScoped
@Transactional
public class ReminderDispatch {

    public record Batch(int claimed, int notified) {
    }

    private final EntityManager em;
    private final Clock clock;

    ReminderDispatch(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Reminders whose moment has come (at or before now). */
    public Batch dispatch(int limit) {
        Object[] r = (Object[]) em.createNativeQuery("""
                WITH picked AS (
                    SELECT id FROM reminder WHERE status = 'PENDING' AND remind_at <= ?1
                     ORDER BY remind_at, id LIMIT ?2
                     FOR UPDATE SKIP LOCKED),
                sent AS (
                    UPDATE reminder r SET status = 'SENT', sent_at = ?1 FROM picked p WHERE r.id = p.id
                    RETURNING r.id, r.user_id, r.card_id, r.task_id, r.note, r.remind_at),
                inserted AS (
                    INSERT INTO notification (recipient_id, kind, card_id, task_id, subject, detail, link, due_at,
                                              dedupe_key, created_at)
                    SELECT s.user_id, 'REMINDER', coalesce(s.card_id, t.card_id), s.task_id,
                           coalesce(t.title, c.key || ' ' || c.title, ''), left(s.note, 300),
                           CASE WHEN s.task_id IS NOT NULL THEN '/tasks/' || s.task_id ELSE '/cards/' || c.key END,
                           s.remind_at, 'reminder:' || s.id, ?1
                      FROM sent s LEFT JOIN task t ON t.id = s.task_id LEFT JOIN card c ON c.id = s.card_id
                    ON CONFLICT (recipient_id, dedupe_key) DO NOTHING
                    RETURNING 1)
                SELECT (SELECT count(*) FROM sent), (SELECT count(*) FROM inserted)""")
                .setParameter(1, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .setParameter(2, limit).getSingleResult();
        return new Batch(((Number) r[0]).intValue(), ((Number) r[1]).intValue());
    }
}

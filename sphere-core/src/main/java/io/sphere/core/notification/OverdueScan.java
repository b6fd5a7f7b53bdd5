package io.sphere.core.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The worker's overdue and due-soon scans, one batch per call, each batch one statement in one transaction: rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so concurrent workers take disjoint batches; the claimed rows record
 * the due moment they were notified for, and notifications are inserted under a unique key per (recipient, item,
 * kind, due moment) with {@code ON CONFLICT DO NOTHING}. A worker killed mid-batch commits nothing: its rows are
 * free again for the next run. "Past due" means strictly after the due moment.
 */
@ApplicationScoped
@Transactional
public class OverdueScan {

    /** Rows claimed and notifications written by one batch; the caller repeats while a batch came back full. */
    public record Batch(int claimed, int notified) {
    }

    private static final String MICROS = "(extract(epoch FROM %s) * 1000000)::bigint";

    private final EntityManager em;
    private final Clock clock;

    OverdueScan(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Open cards past their due date or their stage's SLA, not yet notified for that moment: flagged overdue; their
     * assignee and the administrators of their type are told.
     */
    public Batch cards(int limit) {
        Object[] r = (Object[]) em.createNativeQuery("""
                WITH picked AS (
                    SELECT id, least(due_at, sla_due_at) AS due FROM card
                     WHERE deleted_at IS NULL AND closed_at IS NULL
                       AND overdue_notified_for IS DISTINCT FROM least(due_at, sla_due_at)
                       AND least(due_at, sla_due_at) < ?1
                     ORDER BY least(due_at, sla_due_at), id LIMIT ?2
                     FOR UPDATE SKIP LOCKED),
                flagged AS (
                    UPDATE card c SET overdue = true, overdue_notified_for = p.due FROM picked p WHERE c.id = p.id
                    RETURNING c.id, c.key, c.title, c.card_type_id, c.assignee_id, p.due),
                recipients AS (
                    SELECT f.*, f.assignee_id AS user_id FROM flagged f WHERE f.assignee_id IS NOT NULL
                    UNION
                    SELECT f.*, gm.user_id FROM flagged f
                      JOIN card_type_permission p ON p.card_type_id = f.card_type_id AND p.action = 'ADMINISTER'
                      JOIN group_member gm ON gm.group_id = p.group_id),
                inserted AS (
                    INSERT INTO notification (recipient_id, kind, card_id, subject, link, due_at, dedupe_key,
                                              created_at)
                    SELECT r.user_id, 'OVERDUE', r.id, r.key || ' ' || r.title, '/cards/' || r.key, r.due,
                           'overdue:card:' || r.id || ':' || %s, ?1
                      FROM recipients r JOIN app_user u ON u.id = r.user_id AND u.active
                    ON CONFLICT (recipient_id, dedupe_key) DO NOTHING
                    RETURNING 1)
                SELECT (SELECT count(*) FROM flagged), (SELECT count(*) FROM inserted)"""
                .formatted(MICROS.formatted("r.due")))
                .setParameter(1, Timestamp.from(now())).setParameter(2, limit).getSingleResult();
        return batch(r);
    }

    /**
     * Open tasks past their due date, not yet notified for it (tasks of deleted cards are left alone): flagged; the
     * assignee (else the creator) is told.
     */
    public Batch tasks(int limit) {
        Object[] r = (Object[]) em.createNativeQuery("""
                WITH picked AS (
                    SELECT id FROM task
                     WHERE status = 'OPEN' AND overdue_notified_for IS DISTINCT FROM due_at AND due_at < ?1
                       AND NOT EXISTS (SELECT 1 FROM card c WHERE c.id = task.card_id AND c.deleted_at IS NOT NULL)
                     ORDER BY due_at, id LIMIT ?2
                     FOR UPDATE SKIP LOCKED),
                flagged AS (
                    UPDATE task t SET overdue = true, overdue_notified_for = t.due_at FROM picked p WHERE t.id = p.id
                    RETURNING t.id, t.title, t.card_id, coalesce(t.assignee_id, t.created_by) AS user_id, t.due_at),
                inserted AS (
                    INSERT INTO notification (recipient_id, kind, card_id, task_id, subject, link, due_at, dedupe_key,
                                              created_at)
                    SELECT f.user_id, 'OVERDUE', f.card_id, f.id,
                           f.title || coalesce(' (' || c.key || ')', ''), '/tasks/' || f.id, f.due_at,
                           'overdue:task:' || f.id || ':' || %s, ?1
                      FROM flagged f JOIN app_user u ON u.id = f.user_id AND u.active
                      LEFT JOIN card c ON c.id = f.card_id
                    ON CONFLICT (recipient_id, dedupe_key) DO NOTHING
                    RETURNING 1)
                SELECT (SELECT count(*) FROM flagged), (SELECT count(*) FROM inserted)"""
                .formatted(MICROS.formatted("f.due_at")))
                .setParameter(1, Timestamp.from(now())).setParameter(2, limit).getSingleResult();
        return batch(r);
    }

    /**
     * Open tasks falling due within {@code window} (from now, not yet past), not yet told for that due date: the
     * assignee, or while nobody has it the members of its group, are told once.
     */
    public Batch dueSoon(Duration window, int limit) {
        Instant now = now();
        Object[] r = (Object[]) em.createNativeQuery("""
                WITH picked AS (
                    SELECT id FROM task
                     WHERE status = 'OPEN' AND due_soon_notified_for IS DISTINCT FROM due_at
                       AND due_at >= ?1 AND due_at < ?3
                       AND NOT EXISTS (SELECT 1 FROM card c WHERE c.id = task.card_id AND c.deleted_at IS NOT NULL)
                     ORDER BY due_at, id LIMIT ?2
                     FOR UPDATE SKIP LOCKED),
                flagged AS (
                    UPDATE task t SET due_soon_notified_for = t.due_at FROM picked p WHERE t.id = p.id
                    RETURNING t.id, t.title, t.card_id, t.assignee_id, t.candidate_group_id, t.due_at),
                recipients AS (
                    SELECT f.*, f.assignee_id AS user_id FROM flagged f WHERE f.assignee_id IS NOT NULL
                    UNION
                    SELECT f.*, gm.user_id FROM flagged f JOIN group_member gm ON gm.group_id = f.candidate_group_id
                     WHERE f.assignee_id IS NULL),
                inserted AS (
                    INSERT INTO notification (recipient_id, kind, card_id, task_id, subject, link, due_at, dedupe_key,
                                              created_at)
                    SELECT r.user_id, 'DUE_SOON', r.card_id, r.id,
                           r.title || coalesce(' (' || c.key || ')', ''), '/tasks/' || r.id, r.due_at,
                           'due-soon:task:' || r.id || ':' || %s, ?1
                      FROM recipients r JOIN app_user u ON u.id = r.user_id AND u.active
                      LEFT JOIN card c ON c.id = r.card_id
                    ON CONFLICT (recipient_id, dedupe_key) DO NOTHING
                    RETURNING 1)
                SELECT (SELECT count(*) FROM flagged), (SELECT count(*) FROM inserted)"""
                .formatted(MICROS.formatted("r.due_at")))
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit)
                .setParameter(3, Timestamp.from(now.plus(window))).getSingleResult();
        return batch(r);
    }

    private static Batch batch(Object[] r) {
        return new Batch(((Number) r[0]).intValue(), ((Number) r[1]).intValue());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

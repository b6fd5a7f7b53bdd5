package io.sphere.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * E-mail for notifications, driven by the worker. Each call claims a batch of notifications still waiting for
 * their e-mail with {@code FOR UPDATE SKIP LOCKED} (so two workers never take the same one), skips those whose
 * recipient opted out of the kind or is inactive, hands the others to the sender and records the outcome. A send
 * that fails is retried by later runs, up to {@link #MAX_ATTEMPTS} times.
 */
@ApplicationScoped
@Transactional
public class MailOutbox {

    public static final int MAX_ATTEMPTS = 5;

    /** One e-mail to write: the recipient, their language and zone, and what the notification says. */
    public record Mail(long id, String email, String displayName, String locale, String timeZone,
            NotificationKind kind, String subject, String detail, String link, Optional<Instant> dueAt) {
    }

    public record Outcome(int sent, int skipped, int failed) {

        public int total() {
            return sent + skipped + failed;
        }
    }

    private final EntityManager em;

    MailOutbox(EntityManager em) {
        this.em = em;
    }

    /** With mail switched off, the waiting notifications are marked skipped: switching it on later sends no backlog. */
    public int skipAll() {
        return em.createNativeQuery("UPDATE notification SET email_state = 'SKIPPED' WHERE email_state = 'PENDING'")
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public Outcome deliver(int limit, Predicate<Mail> send) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT n.id, u.email, u.display_name, coalesce(u.locale, 'en'), u.time_zone, n.kind, n.subject,
                       n.detail, n.link, n.due_at,
                       u.active AND NOT EXISTS (SELECT 1 FROM notification_email_optout o
                                                 WHERE o.user_id = n.recipient_id AND o.kind = n.kind)
                  FROM notification n JOIN app_user u ON u.id = n.recipient_id
                 WHERE n.email_state = 'PENDING'
                 ORDER BY n.id LIMIT ?1
                 FOR UPDATE OF n SKIP LOCKED""").setParameter(1, limit).getResultList();
        int sent = 0;
        int skipped = 0;
        int failed = 0;
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            if (!(Boolean) r[10]) {
                state(id, "'SKIPPED'");
                skipped++;
                continue;
            }
            Mail mail = new Mail(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    NotificationKind.valueOf((String) r[5]), (String) r[6], (String) r[7], (String) r[8],
                    Optional.ofNullable(NotificationService.instant(r[9])));
            if (send.test(mail)) {
                state(id, "'SENT'");
                sent++;
            } else {
                em.createNativeQuery("""
                        UPDATE notification SET email_attempts = email_attempts + 1,
                               email_state = CASE WHEN email_attempts + 1 >= ?2 THEN 'FAILED' ELSE 'PENDING' END
                         WHERE id = ?1""").setParameter(1, id).setParameter(2, MAX_ATTEMPTS).executeUpdate();
                failed++;
            }
        }
        return new Outcome(sent, skipped, failed);
    }

    private void state(long id, String state) {
        em.createNativeQuery("UPDATE notification SET email_state = " + state + " WHERE id = ?1").setParameter(1, id)
                .executeUpdate();
    }
}

package io.sphere.core.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.security.Actor;

/**
 * In-app notifications: written by core features in the transaction of the change they tell about (assignments,
 * transitions, comments) and by the worker's jobs (overdue, due soon, reminders); read and marked read only by
 * their recipient. A notification of someone else answers "not found".
 */
@ApplicationScoped
@Transactional
public class NotificationService {

    public static final int PAGE_SIZE = 50;
    static final int MAX_DETAIL = 300;

    private final EntityManager em;
    private final Clock clock;

    NotificationService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Notifies each active recipient once, never the person who caused it. For core features only: nothing here
     * checks that the recipients may see the subject, the caller has done that.
     */
    public int notify(NotificationKind kind, Collection<Long> recipients, Long actorId, Long cardId, Long taskId,
            String subject, String detail, String link) {
        Set<Long> to = new LinkedHashSet<>(recipients);
        if (actorId != null) {
            to.remove(actorId);
        }
        if (to.isEmpty()) {
            return 0;
        }
        String key = kind.name().toLowerCase() + ":" + UUID.randomUUID();
        return em.createNativeQuery("""
                INSERT INTO notification (recipient_id, kind, card_id, task_id, actor_id, subject, detail, link,
                                          dedupe_key, created_at)
                SELECT u.id, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM app_user u
                 WHERE u.id IN (?10) AND u.active
                ON CONFLICT (recipient_id, dedupe_key) DO NOTHING""")
                .setParameter(1, kind.name()).setParameter(2, cardId).setParameter(3, taskId)
                .setParameter(4, actorId).setParameter(5, clip(subject, 500)).setParameter(6, clip(detail, MAX_DETAIL))
                .setParameter(7, link).setParameter(8, key).setParameter(9, Timestamp.from(now()))
                .setParameter(10, List.copyOf(to)).executeUpdate();
    }

    /** Newest first; {@code before} is the id of the last notification of the previous page. */
    @SuppressWarnings("unchecked")
    public NotificationPage list(Actor actor, boolean unreadOnly, Long before) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT n.id, n.kind, n.subject, n.detail, n.link, a.display_name, n.due_at, n.created_at,
                       n.read_at IS NOT NULL
                  FROM notification n LEFT JOIN app_user a ON a.id = n.actor_id
                 WHERE n.recipient_id = ?1 AND (?2 = false OR n.read_at IS NULL) AND n.id < ?3
                 ORDER BY n.created_at DESC, n.id DESC LIMIT ?4""")
                .setParameter(1, actor.userId()).setParameter(2, unreadOnly)
                .setParameter(3, before == null ? Long.MAX_VALUE : before).setParameter(4, PAGE_SIZE + 1)
                .getResultList();
        List<NotificationView> items = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(rows.size(), PAGE_SIZE))) {
            items.add(new NotificationView(((Number) r[0]).longValue(), NotificationKind.valueOf((String) r[1]),
                    (String) r[2], (String) r[3], (String) r[4], Optional.ofNullable((String) r[5]),
                    Optional.ofNullable(instant(r[6])), instant(r[7]), (Boolean) r[8]));
        }
        Optional<Long> next = rows.size() > PAGE_SIZE
                ? Optional.of(items.get(items.size() - 1).id())
                : Optional.empty();
        return new NotificationPage(items, unreadCount(actor), next);
    }

    /**
     * The number on the bell (every page shows it). Its type is declared, so Hibernate does not read the result's
     * metadata on each call, and no pending entity change is flushed before it (notifications are written by SQL).
     */
    public long unreadCount(Actor actor) {
        Object n = em
                .createNativeQuery("SELECT count(*) AS n FROM notification WHERE recipient_id = ?1 AND read_at IS NULL")
                .unwrap(NativeQuery.class).addScalar("n", StandardBasicTypes.LONG)
                .addSynchronizedQuerySpace("notification").setParameter(1, actor.userId()).getSingleResult();
        return ((Number) n).longValue();
    }

    /** Marks one of the actor's notifications read and returns where it leads. */
    public String markRead(Actor actor, long id) {
        @SuppressWarnings("unchecked")
        List<String> link = em.createNativeQuery("""
                UPDATE notification SET read_at = coalesce(read_at, ?3)
                 WHERE id = ?1 AND recipient_id = ?2 RETURNING link""")
                .setParameter(1, id).setParameter(2, actor.userId()).setParameter(3, Timestamp.from(now()))
                .getResultList();
        if (link.isEmpty()) {
            throw new SphereException(ErrorCode.NOTIFICATION_NOT_FOUND);
        }
        return link.get(0);
    }

    public int markAllRead(Actor actor) {
        return em.createNativeQuery(
                "UPDATE notification SET read_at = ?2 WHERE recipient_id = ?1 AND read_at IS NULL")
                .setParameter(1, actor.userId()).setParameter(2, Timestamp.from(now())).executeUpdate();
    }

    /** The kinds the actor gets no e-mail for. */
    @SuppressWarnings("unchecked")
    public Set<NotificationKind> emailOptOuts(Actor actor) {
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        em.createNativeQuery("SELECT kind FROM notification_email_optout WHERE user_id = ?1")
                .setParameter(1, actor.userId()).getResultList()
                .forEach(k -> kinds.add(NotificationKind.valueOf((String) k)));
        return kinds;
    }

    public void setEmailOptOuts(Actor actor, Set<NotificationKind> kinds) {
        em.createNativeQuery("DELETE FROM notification_email_optout WHERE user_id = ?1")
                .setParameter(1, actor.userId()).executeUpdate();
        for (NotificationKind k : kinds) {
            em.createNativeQuery("INSERT INTO notification_email_optout (user_id, kind) VALUES (?1, ?2)")
                    .setParameter(1, actor.userId()).setParameter(2, k.name()).executeUpdate();
        }
    }

    static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("Not a moment: " + o.getClass());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

package io.sphere.core.reminder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.sphere.core.card.CardRefs;
import io.sphere.core.card.CardRefs.CardRef;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;
import io.sphere.core.task.TaskService;
import io.sphere.core.task.TaskView;
import io.sphere.core.user.UserDirectory;

/**
 * Reminders a person sets for themself on a card or a task they may see. Only their owner ever sees or cancels
 * them; the worker's dispatch turns each into one notification at its moment.
 */
@ApplicationScoped
@Transactional
public class ReminderService {

    public static final int MAX_NOTE = 1000;

    private final EntityManager em;
    private final CardRefs cards;
    private final TaskService tasks;
    private final PermissionService permissions;
    private final UserDirectory users;
    private final Clock clock;

    ReminderService(EntityManager em, CardRefs cards, TaskService tasks, PermissionService permissions,
            UserDirectory users, Clock clock) {
        this.em = em;
        this.cards = cards;
        this.tasks = tasks;
        this.permissions = permissions;
        this.users = users;
        this.clock = clock;
    }

    /**
     * {@code preset} (see {@link ReminderPreset#param()}) or {@code at}: an ISO moment with an offset, or a local
     * date and time ({@code 2026-12-31T09:00}, as a datetime-local field sends it) meant in the person's time zone.
     */
    public ReminderView create(Actor actor, String cardKey, Long taskId, String preset, String at, String note) {
        Long cardId = null;
        if (taskId != null) {
            TaskView task = tasks.get(actor, taskId);
            cardId = task.card().map(CardRef::id).orElse(null);
        } else if (cardKey != null && !cardKey.isBlank()) {
            CardRef card = cards.liveByKey(cardKey).filter(c -> permissions.can(actor, c.typeId(), Action.VIEW))
                    .orElseThrow(() -> new SphereException(ErrorCode.CARD_NOT_FOUND));
            cardId = card.id();
        } else {
            throw new SphereException(ErrorCode.REMINDER_SUBJECT_REQUIRED);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant moment = moment(preset, at, now, zoneOf(actor));
        String n = note == null ? "" : note.strip();
        if (n.codePointCount(0, n.length()) > MAX_NOTE) {
            throw new SphereException(ErrorCode.REMINDER_NOTE_TOO_LONG, "note", Map.of("max", MAX_NOTE));
        }
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO reminder (user_id, card_id, task_id, remind_at, note, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id""").setParameter(1, actor.userId())
                .setParameter(2, cardId).setParameter(3, taskId).setParameter(4, Timestamp.from(moment))
                .setParameter(5, n).setParameter(6, Timestamp.from(now)).getSingleResult()).longValue();
        return find(actor, id).orElseThrow();
    }

    /** The actor's pending reminders, soonest first. */
    public List<ReminderView> pending(Actor actor) {
        return query(actor, "r.status = 'PENDING'", null);
    }

    public ReminderView cancel(Actor actor, long id) {
        ReminderView r = find(actor, id).orElseThrow(() -> new SphereException(ErrorCode.REMINDER_NOT_FOUND));
        if (!r.pending()) {
            throw new SphereException(ErrorCode.REMINDER_NOT_PENDING);
        }
        em.createNativeQuery("UPDATE reminder SET status = 'CANCELLED' WHERE id = ?1 AND status = 'PENDING'")
                .setParameter(1, id).executeUpdate();
        return find(actor, id).orElseThrow();
    }

    public Optional<ReminderView> find(Actor actor, long id) {
        return query(actor, "r.id = :id", id).stream().findFirst();
    }

    /** The person's zone, UTC when theirs is not a zone Java knows. */
    public ZoneId zoneOf(Actor actor) {
        String z = users.find(actor.userId()).map(u -> u.timeZone()).orElse("UTC");
        try {
            return ZoneId.of(z);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    static Instant moment(String preset, String at, Instant now, ZoneId zone) {
        Optional<ReminderPreset> p = ReminderPreset.parse(preset);
        Instant moment;
        if (p.isPresent()) {
            moment = p.get().at(now, zone);
        } else if (at != null && !at.isBlank()) {
            String s = at.strip().replace(' ', 'T');
            try {
                moment = s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")
                        ? OffsetDateTime.parse(s).toInstant()
                        : LocalDateTime.parse(s).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                throw new SphereException(ErrorCode.REMINDER_MOMENT_INVALID, "at", Map.of());
            }
        } else {
            throw new SphereException(ErrorCode.REMINDER_MOMENT_REQUIRED, "at", Map.of());
        }
        moment = moment.truncatedTo(ChronoUnit.MICROS);
        if (!moment.isAfter(now)) {
            throw new SphereException(ErrorCode.REMINDER_MOMENT_PAST, "at", Map.of());
        }
        return moment;
    }

    @SuppressWarnings("unchecked")
    private List<ReminderView> query(Actor actor, String condition, Long id) {
        var q = em.createNativeQuery("""
                SELECT r.id, c.key, r.task_id, coalesce(t.title, c.key || ' ' || c.title), r.remind_at, r.note,
                       r.status, r.created_at
                  FROM reminder r LEFT JOIN card c ON c.id = r.card_id LEFT JOIN task t ON t.id = r.task_id
                 WHERE r.user_id = :me AND\s""" + condition + " ORDER BY r.remind_at, r.id LIMIT 500");
        q.setParameter("me", actor.userId());
        if (id != null) {
            q.setParameter("id", id);
        }
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> {
            Optional<String> key = Optional.ofNullable((String) r[1]);
            Optional<Long> task = Optional.ofNullable(r[2]).map(v -> ((Number) v).longValue());
            String link = task.map(t -> "/tasks/" + t).orElseGet(() -> "/cards/" + key.orElse(""));
            return new ReminderView(((Number) r[0]).longValue(), key, task, (String) r[3], link, instant(r[4]),
                    (String) r[5], (String) r[6], instant(r[7]));
        }).toList();
    }

    static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("Not a moment: " + o);
    }
}

package io.sphere.core.task;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.sphere.core.audit.AuditAction;
import io.sphere.core.audit.AuditTrail;
import io.sphere.core.card.CardRefs;
import io.sphere.core.card.CardRefs.CardRef;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.error.ValidationException;
import io.sphere.core.error.ValidationException.FieldError;
import io.sphere.core.group.GroupService;
import io.sphere.core.notification.NotificationKind;
import io.sphere.core.notification.NotificationService;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;
import io.sphere.core.user.UserDirectory;
import io.sphere.core.user.UserRef;
import io.sphere.core.user.UserView;

/**
 * Tasks on cards and standalone. Who sees a task: for a card's task, whoever may view the card; for a standalone
 * task, its creator, its assignee and the members of its candidate group (the superuser sees all). A task the actor
 * may not see answers {@link ErrorCode#TASK_NOT_FOUND}, exactly like a missing one.
 * <p>
 * Who may do what: "manage" (edit, assign, cancel, reopen) is the superuser, the creator, and for a card's task
 * whoever may EDIT the card; the assignee may complete the task and hand it over to someone else with a reason;
 * members of the candidate group may claim it while nobody has it. Creating a task on a card needs EDIT or
 * TRANSITION on the card's type.
 */
@ApplicationScoped
@Transactional
public class TaskService {

    public static final int MAX_TITLE = 300;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_REASON = 1000;

    private final TaskRepository tasks;
    private final CardRefs cards;
    private final PermissionService permissions;
    private final GroupService groups;
    private final UserDirectory users;
    private final NotificationService notifications;
    private final EntityManager em;
    private final Clock clock;

    private final AuditTrail audit;

    TaskService(TaskRepository tasks, CardRefs cards, PermissionService permissions, GroupService groups,
            UserDirectory users, NotificationService notifications, AuditTrail audit, EntityManager em, Clock clock) {
        this.audit = audit;
        this.tasks = tasks;
        this.cards = cards;
        this.permissions = permissions;
        this.groups = groups;
        this.users = users;
        this.notifications = notifications;
        this.em = em;
        this.clock = clock;
    }

    public TaskView create(Actor actor, TaskInput input) {
        CardRef card = null;
        if (input.cardKey() != null && !input.cardKey().isBlank()) {
            card = visibleCard(actor, input.cardKey());
            if (!permissions.can(actor, card.typeId(), Action.EDIT)
                    && !permissions.can(actor, card.typeId(), Action.TRANSITION)) {
                throw new SphereException(ErrorCode.ACCESS_DENIED, null, Map.of("action", Action.EDIT.name()));
            }
        }
        List<FieldError> errors = new ArrayList<>();
        String title = title(input.title(), errors);
        String description = description(input.description(), errors);
        checkGroup(input.candidateGroupId(), errors);
        if (input.assigneeId() != null) {
            assigneeProblem(card, input.assigneeId())
                    .ifPresent(code -> errors.add(new FieldError("assigneeId", code, Map.of())));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(ErrorCode.VALIDATION_FAILED, errors);
        }
        Instant now = now();
        Task task = Task.open(card == null ? null : card.id(), actor.userId(), now);
        task.edit(title, description, micros(input.dueAt()), input.candidateGroupId(), actor.userId(), now);
        task.assign(input.assigneeId(), actor.userId(), now);
        tasks.persist(task);
        tasks.flush();
        change(task, card, TaskAction.CREATED, actor, null, input.assigneeId(), "", now);
        return view(task, card, actor);
    }

    public TaskView get(Actor actor, long id) {
        Loaded l = load(actor, id, false);
        return view(l.task, l.card, actor);
    }

    /** Title, description, due date and candidate group; needs "manage". */
    public TaskView update(Actor actor, long id, TaskInput input) {
        Loaded l = load(actor, id, true);
        if (!mayManage(actor, l)) {
            throw denied();
        }
        List<FieldError> errors = new ArrayList<>();
        String title = title(input.title(), errors);
        String description = description(input.description(), errors);
        checkGroup(input.candidateGroupId(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(ErrorCode.VALIDATION_FAILED, errors);
        }
        Instant now = now();
        l.task.edit(title, description, micros(input.dueAt()), input.candidateGroupId(), actor.userId(), now);
        change(l.task, l.card, TaskAction.EDITED, actor, null, null, "", now);
        return flushedView(l, actor);
    }

    /**
     * Gives the task to a person ({@code null}: nobody, back to the group). Taking it away from the person who has
     * it is a reassignment and needs a reason. The assignee may hand their task over; otherwise needs "manage".
     */
    public TaskView assign(Actor actor, long id, Long userId, String reason) {
        Loaded l = load(actor, id, true);
        requireOpen(l.task);
        Long current = l.task.assigneeId();
        boolean ownTask = current != null && current == actor.userId();
        if (!mayManage(actor, l) && !ownTask) {
            throw denied();
        }
        if (Objects.equals(current, userId)) {
            return view(l.task, l.card, actor);
        }
        String why = reason == null ? "" : reason.strip();
        boolean reassign = current != null;
        if (reassign && why.isEmpty()) {
            throw new SphereException(ErrorCode.TASK_REASON_REQUIRED, "reason", Map.of());
        }
        if (why.codePointCount(0, why.length()) > MAX_REASON) {
            throw new SphereException(ErrorCode.TASK_REASON_TOO_LONG, "reason", Map.of("max", MAX_REASON));
        }
        if (userId != null) {
            assigneeProblem(l.card, userId).ifPresent(code -> {
                throw new SphereException(code, "assigneeId", Map.of("id", userId));
            });
        }
        Instant now = now();
        l.task.assign(userId, actor.userId(), now);
        change(l.task, l.card, reassign ? TaskAction.REASSIGNED : TaskAction.ASSIGNED, actor, current, userId, why,
                now);
        return flushedView(l, actor);
    }

    /** Takes an unassigned task offered to one of the actor's groups. */
    public TaskView claim(Actor actor, long id) {
        Loaded l = load(actor, id, true);
        requireOpen(l.task);
        if (l.task.assigneeId() != null) {
            if (l.task.assigneeId() == actor.userId()) {
                return view(l.task, l.card, actor);
            }
            throw new SphereException(ErrorCode.TASK_ALREADY_CLAIMED);
        }
        if (!mayClaim(actor, l)) {
            throw new SphereException(ErrorCode.TASK_NOT_IN_GROUP);
        }
        Instant now = now();
        l.task.assign(actor.userId(), actor.userId(), now);
        change(l.task, l.card, TaskAction.CLAIMED, actor, null, actor.userId(), "", now);
        return flushedView(l, actor);
    }

    public TaskView complete(Actor actor, long id) {
        Loaded l = load(actor, id, true);
        requireOpen(l.task);
        if (!mayComplete(actor, l)) {
            throw denied();
        }
        Instant now = now();
        l.task.complete(actor.userId(), now);
        change(l.task, l.card, TaskAction.COMPLETED, actor, null, null, "", now);
        return flushedView(l, actor);
    }

    public TaskView cancel(Actor actor, long id, String reason) {
        Loaded l = load(actor, id, true);
        requireOpen(l.task);
        if (!mayManage(actor, l)) {
            throw denied();
        }
        String why = reason == null ? "" : reason.strip();
        if (why.codePointCount(0, why.length()) > MAX_REASON) {
            throw new SphereException(ErrorCode.TASK_REASON_TOO_LONG, "reason", Map.of("max", MAX_REASON));
        }
        Instant now = now();
        l.task.cancel(actor.userId(), now);
        change(l.task, l.card, TaskAction.CANCELLED, actor, null, null, why, now);
        return flushedView(l, actor);
    }

    public TaskView reopen(Actor actor, long id) {
        Loaded l = load(actor, id, true);
        if (l.task.status() == TaskStatus.OPEN) {
            throw new SphereException(ErrorCode.TASK_NOT_CLOSED);
        }
        if (!mayReopen(actor, l)) {
            throw denied();
        }
        Instant now = now();
        l.task.reopen(actor.userId(), now);
        change(l.task, l.card, TaskAction.REOPENED, actor, null, null, "", now);
        return flushedView(l, actor);
    }

    /** The tasks of a card, open first, then by due date; a card the actor may not view is "not found". */
    public List<TaskView> forCard(Actor actor, String cardKey) {
        CardRef card = visibleCard(actor, cardKey);
        return tasks.list("cardId = ?1 order by case when status = ?2 then 0 else 1 end, dueAt nulls last, id",
                card.id(), TaskStatus.OPEN).stream().map(t -> view(t, card, actor)).toList();
    }

    /** Oldest first. */
    @SuppressWarnings("unchecked")
    public List<TaskEventView> history(Actor actor, long id) {
        Loaded l = load(actor, id, false);
        List<Object[]> rows = em.createNativeQuery("""
                SELECT action, actor_id, from_user_id, to_user_id, reason, created_at FROM task_event
                 WHERE task_id = ?1 ORDER BY id""").setParameter(1, l.task.id()).getResultList();
        Set<Long> ids = new HashSet<>();
        for (Object[] r : rows) {
            for (int i = 1; i <= 3; i++) {
                if (r[i] != null) {
                    ids.add(((Number) r[i]).longValue());
                }
            }
        }
        Map<Long, UserRef> refs = users.refs(ids);
        return rows.stream().map(r -> new TaskEventView(TaskAction.valueOf((String) r[0]), ref(refs, r[1]),
                ref(refs, r[2]), ref(refs, r[3]), (String) r[4], moment(r[5]))).toList();
    }

    /**
     * The one place every change of a task passes through, after the entity holds its new state: it records the
     * task event and tells the people concerned. The audit trail of the card is to be wired in here as well.
     */
    private void change(Task task, CardRef card, TaskAction action, Actor actor, Long fromUser, Long toUser,
            String reason, Instant now) {
        em.createNativeQuery("""
                INSERT INTO task_event (task_id, action, actor_id, from_user_id, to_user_id, reason, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""").setParameter(1, task.id()).setParameter(2, action.name())
                .setParameter(3, actor.userId()).setParameter(4, fromUser).setParameter(5, toUser)
                .setParameter(6, reason == null ? "" : reason).setParameter(7, Timestamp.from(now)).executeUpdate();
        audited(task, card, action, actor, fromUser, toUser, reason);
        if (toUser != null && toUser != actor.userId()
                && (action == TaskAction.CREATED || action == TaskAction.ASSIGNED
                        || action == TaskAction.REASSIGNED)) {
            notifications.notify(NotificationKind.ASSIGNED, List.of(toUser), actor.userId(),
                    card == null ? null : card.id(), task.id(), subject(task, card), reason, "/tasks/" + task.id());
        }
    }

    /**
     * The same change in the audit trail, in the same transaction: a task on a card shows in the card's history, a
     * task of its own in the general trail. Task events carry no card field changes, so "view as of" is unaffected.
     */
    private void audited(Task task, CardRef card, TaskAction action, Actor actor, Long fromUser, Long toUser,
            String reason) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("task", String.valueOf(task.id()));
        detail.put("title", task.title());
        detail.put("step", action.name().toLowerCase(Locale.ROOT));
        detail.put("status", task.status().name().toLowerCase(Locale.ROOT));
        if (fromUser != null) {
            detail.put("fromUser", String.valueOf(fromUser));
        }
        if (toUser != null) {
            detail.put("toUser", String.valueOf(toUser));
        }
        if (reason != null && !reason.isBlank()) {
            detail.put("reason", reason);
        }
        AuditAction kind = action == TaskAction.CREATED ? AuditAction.TASK_CREATED : AuditAction.TASK_UPDATED;
        if (card == null) {
            audit.general(actor, kind, List.of(), detail);
        } else {
            audit.onCard(actor, kind, card.key(), List.of(), detail);
        }
    }

    static String subject(Task task, CardRef card) {
        return card == null ? task.title() : task.title() + " (" + card.key() + ")";
    }

    private record Loaded(Task task, CardRef card) {
    }

    private Loaded load(Actor actor, long id, boolean forUpdate) {
        Optional<Task> found = forUpdate ? tasks.findForUpdate(id) : tasks.findByIdOptional(id);
        Task task = found.orElseThrow(TaskService::notFound);
        CardRef card = null;
        if (task.cardId() != null) {
            card = cards.live(task.cardId()).orElseThrow(TaskService::notFound);
            if (!permissions.can(actor, card.typeId(), Action.VIEW)) {
                throw notFound();
            }
        } else if (!actor.superuser() && !Objects.equals(task.createdBy(), actor.userId())
                && !Objects.equals(task.assigneeId(), actor.userId())
                && !(task.candidateGroupId() != null && groups.isMember(actor.userId(), task.candidateGroupId()))) {
            throw notFound();
        }
        return new Loaded(task, card);
    }

    private CardRef visibleCard(Actor actor, String key) {
        CardRef card = cards.liveByKey(key).orElseThrow(() -> new SphereException(ErrorCode.CARD_NOT_FOUND));
        if (!permissions.can(actor, card.typeId(), Action.VIEW)) {
            throw new SphereException(ErrorCode.CARD_NOT_FOUND);
        }
        return card;
    }

    private boolean mayManage(Actor actor, Loaded l) {
        return actor.superuser() || Objects.equals(l.task.createdBy(), actor.userId())
                || (l.card != null && permissions.can(actor, l.card.typeId(), Action.EDIT));
    }

    private boolean mayClaim(Actor actor, Loaded l) {
        return l.task.status() == TaskStatus.OPEN && l.task.assigneeId() == null
                && (l.task.candidateGroupId() != null
                        ? groups.isMember(actor.userId(), l.task.candidateGroupId()) || mayManage(actor, l)
                        : mayManage(actor, l));
    }

    private boolean mayComplete(Actor actor, Loaded l) {
        return Objects.equals(l.task.assigneeId(), actor.userId()) || mayManage(actor, l);
    }

    private boolean mayReopen(Actor actor, Loaded l) {
        return Objects.equals(l.task.completedBy(), actor.userId()) || mayManage(actor, l);
    }

    private Optional<ErrorCode> assigneeProblem(CardRef card, long userId) {
        Optional<UserView> user = users.findActive(userId);
        if (user.isEmpty()) {
            return Optional.of(ErrorCode.ASSIGNEE_UNKNOWN);
        }
        if (card == null) {
            return Optional.empty();
        }
        Actor as = new Actor(user.get().id(), user.get().email(), user.get().superuser());
        return permissions.can(as, card.typeId(), Action.VIEW)
                ? Optional.empty()
                : Optional.of(ErrorCode.ASSIGNEE_CANNOT_VIEW);
    }

    private void checkGroup(Long groupId, List<FieldError> errors) {
        if (groupId != null && !groups.exists(groupId)) {
            errors.add(new FieldError("candidateGroupId", ErrorCode.CANDIDATE_GROUP_UNKNOWN, Map.of("id", groupId)));
        }
    }

    private static void requireOpen(Task task) {
        if (task.status() != TaskStatus.OPEN) {
            throw new SphereException(ErrorCode.TASK_NOT_OPEN);
        }
    }

    private static String title(String raw, List<FieldError> errors) {
        String title = raw == null ? "" : raw.strip();
        if (title.isEmpty()) {
            errors.add(new FieldError("title", ErrorCode.TITLE_REQUIRED, Map.of()));
        } else if (title.codePointCount(0, title.length()) > MAX_TITLE) {
            errors.add(new FieldError("title", ErrorCode.TITLE_TOO_LONG,
                    Map.of("max", MAX_TITLE, "length", title.codePointCount(0, title.length()))));
        }
        return title;
    }

    private static String description(String raw, List<FieldError> errors) {
        String d = raw == null ? "" : raw.strip();
        if (d.codePointCount(0, d.length()) > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", ErrorCode.TASK_DESCRIPTION_TOO_LONG,
                    Map.of("max", MAX_DESCRIPTION)));
        }
        return d;
    }

    private TaskView flushedView(Loaded l, Actor actor) {
        tasks.flush();
        return view(l.task, l.card, actor);
    }

    TaskView view(Task t, CardRef card, Actor actor) {
        Loaded l = new Loaded(t, card);
        Set<Long> ids = new HashSet<>();
        for (Long id : new Long[]{t.assigneeId(), t.completedBy(), t.createdBy()}) {
            if (id != null) {
                ids.add(id);
            }
        }
        Map<Long, UserRef> refs = users.refs(ids);
        Optional<String> groupName = Optional.ofNullable(t.candidateGroupId())
                .map(g -> groups.namesOf(List.of(g)).get(g));
        boolean open = t.status() == TaskStatus.OPEN;
        boolean manage = mayManage(actor, l);
        boolean own = Objects.equals(t.assigneeId(), actor.userId());
        TaskView.Allowed allowed = new TaskView.Allowed(manage, open && (manage || own), open && mayClaim(actor, l),
                open && mayComplete(actor, l), open && manage, !open && mayReopen(actor, l));
        return new TaskView(t.id(), Optional.ofNullable(card), t.title(), t.description(),
                Optional.ofNullable(t.assigneeId()).map(refs::get), Optional.ofNullable(t.candidateGroupId()),
                groupName, Optional.ofNullable(t.dueAt()), t.status(), t.overdue(),
                Optional.ofNullable(t.completedBy()).map(refs::get), Optional.ofNullable(t.completedAt()),
                Optional.ofNullable(t.createdBy()).map(refs::get), t.createdAt(), t.version(), allowed);
    }

    private static Optional<UserRef> ref(Map<Long, UserRef> refs, Object id) {
        return id == null ? Optional.empty() : Optional.ofNullable(refs.get(((Number) id).longValue()));
    }

    static Instant moment(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("Not a moment: " + o);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    private static SphereException notFound() {
        return new SphereException(ErrorCode.TASK_NOT_FOUND);
    }

    private static SphereException denied() {
        return new SphereException(ErrorCode.ACCESS_DENIED, null, Map.of("action", Action.EDIT.name()));
    }
}

package io.sphere.core.card;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.panache.common.Sort;
import io.sphere.core.audit.AuditAction;
import io.sphere.core.audit.AuditChange;
import io.sphere.core.audit.AuditTrail;
import io.sphere.core.audit.AuditedCard;
import io.sphere.core.cardtype.CardTypeDefinition;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.cardtype.FieldDefinition;
import io.sphere.core.cardtype.FieldKind;
import io.sphere.core.cardtype.FieldValues;
import io.sphere.core.cardtype.StageDefinition;
import io.sphere.core.cardtype.TransitionDefinition;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.error.ValidationException;
import io.sphere.core.error.ValidationException.FieldError;
import io.sphere.core.group.GroupRef;
import io.sphere.core.group.GroupService;
import io.sphere.core.notification.NotificationKind;
import io.sphere.core.notification.NotificationService;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.permission.TypeAccess;
import io.sphere.core.security.Actor;
import io.sphere.core.user.UserDirectory;
import io.sphere.core.user.UserRef;
import io.sphere.core.user.UserView;

/**
 * Everything people do with one card. Permissions are checked here for pages, API and CLI alike; a card the actor
 * may not view answers {@link ErrorCode#CARD_NOT_FOUND}, exactly like a card that does not exist.
 * <p>
 * Reads run in a transaction too, not {@code SUPPORTS}: outside one, Hibernate serves them from the request-scoped
 * session, which may still hold an entity loaded before a write made earlier in the same request (S14: never a
 * stale card or permission).
 */
@ApplicationScoped
@Transactional
public class CardService {

    public static final int MAX_TITLE = 300;
    public static final int MAX_COMMENT = 10_000;

    static final ObjectMapper JSON = new ObjectMapper();

    private final CardRepository cards;
    private final CardWatcherRepository watchers;
    private final CardCommentRepository comments;
    private final CardTypeService types;
    private final PermissionService permissions;
    private final GroupService groups;
    private final UserDirectory users;
    private final NotificationService notifications;
    private final AuditTrail audit;
    private final Clock clock;

    CardService(CardRepository cards, CardWatcherRepository watchers, CardCommentRepository comments,
            CardTypeService types, PermissionService permissions, GroupService groups, UserDirectory users,
            NotificationService notifications, AuditTrail audit, Clock clock) {
        this.notifications = notifications;
        this.audit = audit;
        this.cards = cards;
        this.watchers = watchers;
        this.comments = comments;
        this.types = types;
        this.permissions = permissions;
        this.groups = groups;
        this.users = users;
        this.clock = clock;
    }

    /** Needs CREATE on the type. Every problem of the input is reported at once in a {@link ValidationException}. */
    public CardView create(Actor actor, String typeKey, CardInput input) {
        Creatable c = creatable(actor, typeKey);
        CardTypeView type = c.type();
        CardTypeDefinition def = type.definition();
        List<FieldError> errors = new ArrayList<>();
        String title = title(input.title(), errors);
        ObjectNode values = newValues(c.access(), type, input, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(ErrorCode.VALIDATION_FAILED, errors);
        }
        Instant now = now();
        StageDefinition initial = def.initialStage();
        // The answer's people are read before the number is taken: the type's row stays locked from there to the
        // commit, so only the inserts run under the lock (issue 8). The creator is the only watcher so far.
        List<Long> watching = List.of(actor.userId());
        Map<Long, UserRef> refs = refs(c.access(), peopleOf(def, values, actor.userId(), actor.userId(),
                input.assigneeId(), watching));
        long number = types.allocateNumber(type.id());
        Card card = Card.open(type.id(), number, type.key() + "-" + number, initial.key(), initial.isFinal(),
                slaDue(initial, now), actor.userId(), now);
        card.edit(title, write(values), priorityOf(input), micros(input.dueAt()), input.candidateGroupId(),
                actor.userId(), now);
        if (input.assigneeId() != null) {
            card.assign(input.assigneeId(), actor.userId(), now);
        }
        card.index(document(card.key(), title, values, def));
        cards.persist(card);
        watchers.persist(CardWatcher.start(card.id(), actor.userId(), now));
        cards.flush();
        record(actor, AuditAction.CARD_CREATED, card,
                CardDiff.between(CardDiff.Snapshot.NONE, CardDiff.Snapshot.of(card, values), def), Map.of());
        return view(card, type, c.access(), actor, watching, refs);
    }

    /**
     * The problems {@link #create} would report for this input, without creating anything: a form that found a
     * problem of its own (a date it cannot read) still shows every other one in the same answer. Same permission.
     */
    public List<FieldError> problemsOfNew(Actor actor, String typeKey, CardInput input) {
        Creatable c = creatable(actor, typeKey);
        List<FieldError> errors = new ArrayList<>();
        title(input.title(), errors);
        newValues(c.access(), c.type(), input, errors);
        return List.copyOf(errors);
    }

    /** The problems {@link #update} would report for this input, without changing anything. Same permission. */
    public List<FieldError> problemsOfUpdate(Actor actor, String key, CardInput input) {
        Loaded l = load(actor, key, false);
        require(actor, l, Action.EDIT);
        List<FieldError> errors = new ArrayList<>();
        title(input.title(), errors);
        values(l.type.definition(), read(l.card.fieldValues()), input.values(), false, errors);
        checkGroup(l.access, input.candidateGroupId(), l.card.candidateGroupId(), errors);
        return List.copyOf(errors);
    }

    private record Creatable(CardTypeView type, TypeAccess access) {
    }

    private Creatable creatable(Actor actor, String typeKey) {
        CardTypeView type = types.findByKey(typeKey).orElseThrow(() -> new SphereException(
                ErrorCode.CARD_TYPE_NOT_FOUND));
        TypeAccess access = permissions.access(actor, type.id());
        if (!access.can(Action.CREATE)) {
            if (access.none()) {
                throw new SphereException(ErrorCode.CARD_TYPE_NOT_FOUND);
            }
            throw denied(Action.CREATE);
        }
        return new Creatable(type, access);
    }

    private ObjectNode newValues(TypeAccess access, CardTypeView type, CardInput input, List<FieldError> errors) {
        ObjectNode values = values(type.definition(), JSON.createObjectNode(), input.values(), true, errors);
        checkGroup(access, input.candidateGroupId(), null, errors);
        if (input.assigneeId() != null) {
            assigneeProblem(type.id(), input.assigneeId())
                    .ifPresent(code -> errors.add(new FieldError("assigneeId", code, Map.of())));
        }
        return values;
    }

    public CardView get(Actor actor, String key) {
        Loaded l = load(actor, key, false);
        return view(l, actor);
    }

    /**
     * Needs EDIT. A stale {@code expectedVersion} throws {@link CardConflictException} with the card as it is now.
     */
    public CardView update(Actor actor, String key, long expectedVersion, CardInput input) {
        Loaded l = load(actor, key, true);
        require(actor, l, Action.EDIT);
        checkVersion(actor, l, expectedVersion);
        CardTypeDefinition def = l.type.definition();
        List<FieldError> errors = new ArrayList<>();
        String title = title(input.title(), errors);
        ObjectNode values = values(def, read(l.card.fieldValues()), input.values(), false, errors);
        checkGroup(l.access, input.candidateGroupId(), l.card.candidateGroupId(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(ErrorCode.VALIDATION_FAILED, errors);
        }
        CardDiff.Snapshot before = CardDiff.Snapshot.of(l.card, read(l.card.fieldValues()));
        l.card.edit(title, write(values), priorityOf(input), micros(input.dueAt()), input.candidateGroupId(),
                actor.userId(), now());
        reindex(l.card, def);
        return recorded(l, actor, AuditAction.CARD_UPDATED, before, Map.of(), watcherIds(l.card));
    }

    /**
     * Fires a transition. Refusals, in the order checked: no TRANSITION permission ({@code ACCESS_DENIED}), stale
     * version (conflict), unknown transition, card not in the transition's from-stage, actor not in an allowed
     * group, fields the transition requires still empty (a {@link ValidationException} naming each).
     */
    public CardView transition(Actor actor, String key, long expectedVersion, String transitionKey) {
        return transition(actor, key, expectedVersion, transitionKey, Map.of());
    }

    /**
     * Fires a transition, first filling in {@code values} for fields the transition requires, in the same
     * transaction: the person asked for them by the transition needs TRANSITION, not EDIT. A key the transition does
     * not require is refused as {@link ErrorCode#FIELD_UNKNOWN}; a bad value refuses the whole transition.
     */
    public CardView transition(Actor actor, String key, long expectedVersion, String transitionKey,
            Map<String, Object> values) {
        Loaded l = load(actor, key, true);
        require(actor, l, Action.TRANSITION);
        checkVersion(actor, l, expectedVersion);
        CardTypeDefinition def = l.type.definition();
        TransitionDefinition t = def.transition(transitionKey)
                .orElseThrow(() -> new SphereException(ErrorCode.TRANSITION_UNKNOWN, "transition",
                        Map.of("transition", String.valueOf(transitionKey))));
        if (!t.from().equals(l.card.stage())) {
            throw new SphereException(ErrorCode.TRANSITION_WRONG_STAGE, "transition",
                    Map.of("transition", t.label(), "stage", stageName(def, l.card.stage()), "from",
                            stageName(def, t.from())));
        }
        if (!l.access.mayFire(t.allowedGroupIds())) {
            throw new SphereException(ErrorCode.TRANSITION_GROUP_DENIED, "transition",
                    Map.of("transition", t.label()));
        }
        ObjectNode current = read(l.card.fieldValues());
        CardDiff.Snapshot before = CardDiff.Snapshot.of(l.card, current);
        if (!values.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            Map<String, Object> asked = new HashMap<>();
            values.forEach((k, v) -> {
                if (t.requiredFields().contains(k)) {
                    asked.put(k, v);
                } else {
                    errors.add(new FieldError(String.valueOf(k), ErrorCode.FIELD_UNKNOWN,
                            Map.of("field", String.valueOf(k))));
                }
            });
            current = values(def, current, asked, false, errors);
            if (!errors.isEmpty()) {
                throw new ValidationException(ErrorCode.TRANSITION_FIELDS_REQUIRED, errors);
            }
            l.card.fill(write(current), actor.userId(), now());
            reindex(l.card, def);
        }
        List<String> missing = missing(t, current);
        if (!missing.isEmpty()) {
            throw new ValidationException(ErrorCode.TRANSITION_FIELDS_REQUIRED,
                    missing.stream().map(f -> new FieldError(f, ErrorCode.FIELD_REQUIRED,
                            Map.of("label", def.field(f).map(FieldDefinition::label).orElse(f)))).toList());
        }
        StageDefinition to = def.stage(t.to()).orElseThrow();
        Instant now = now();
        l.card.moveTo(to.key(), to.isFinal(), slaDue(to, now), actor.userId(), now);
        List<Long> watching = watcherIds(l.card);
        tell(NotificationKind.TRANSITION, watching, actor, l.card, t.label() + " → " + to.name());
        return recorded(l, actor, AuditAction.CARD_TRANSITIONED, before, Map.of("transition", t.key()), watching);
    }

    /**
     * Assigns the card ({@code null}: nobody). Needs EDIT; without it, a person with TRANSITION may still take an
     * unassigned card for themself, or give up their own, if they are in its candidate group (or it has none).
     */
    public CardView assign(Actor actor, String key, Long userId) {
        Loaded l = load(actor, key, true);
        if (!l.access.can(Action.EDIT)) {
            boolean self = userId == null
                    ? Long.valueOf(actor.userId()).equals(l.card.assigneeId())
                    : userId == actor.userId() && l.card.assigneeId() == null;
            boolean inGroup = l.card.candidateGroupId() == null || l.access.isMember(l.card.candidateGroupId());
            if (!(self && inGroup && l.access.can(Action.TRANSITION))) {
                throw denied(Action.EDIT);
            }
        }
        if (userId != null) {
            assigneeProblem(l.type.id(), userId).ifPresent(code -> {
                throw new SphereException(code, "assigneeId", Map.of("id", userId));
            });
        }
        CardDiff.Snapshot before = CardDiff.Snapshot.of(l.card, read(l.card.fieldValues()));
        l.card.assign(userId, actor.userId(), now());
        if (userId != null && watchers.findByIdOptional(new CardWatcher.Key(l.card.id(), userId)).isEmpty()) {
            watchers.persist(CardWatcher.start(l.card.id(), userId, now()));
        }
        if (userId != null) {
            tell(NotificationKind.ASSIGNED, List.of(userId), actor, l.card, "");
        }
        return recorded(l, actor, AuditAction.CARD_ASSIGNED, before, Map.of(), watcherIds(l.card));
    }

    /**
     * The people a card may be assigned to, by name: active users who may view its type (superusers included), at
     * most {@code limit}. Empty for an actor who may not assign the card to others (no EDIT).
     */
    public List<UserRef> assignees(Actor actor, String key, int limit) {
        Loaded l = load(actor, key, false);
        if (!l.access.can(Action.EDIT)) {
            return List.of();
        }
        Map<Long, UserRef> refs = users.refs(permissions.activeUserIdsWith(l.type.id(), Action.VIEW, limit));
        return refs.values().stream()
                .sorted(java.util.Comparator.comparing(UserRef::displayName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(UserRef::email))
                .toList();
    }

    /** Anyone who may view a card may watch it. Answers the card as it is now. */
    public CardView watch(Actor actor, String key) {
        Loaded l = load(actor, key, false);
        if (watchers.findByIdOptional(new CardWatcher.Key(l.card.id(), actor.userId())).isEmpty()) {
            watchers.persist(CardWatcher.start(l.card.id(), actor.userId(), now()));
            record(actor, AuditAction.CARD_WATCHED, l.card, List.of(), Map.of());
        }
        return view(l, actor);
    }

    /** Answers the card as it is now. */
    public CardView unwatch(Actor actor, String key) {
        Loaded l = load(actor, key, false);
        if (watchers.deleteById(new CardWatcher.Key(l.card.id(), actor.userId()))) {
            record(actor, AuditAction.CARD_UNWATCHED, l.card, List.of(), Map.of());
        }
        return view(l, actor);
    }

    /** Anyone who may view a card may comment on it; the text is stored as written, up to 10,000 characters. */
    public CommentView comment(Actor actor, String key, String text) {
        Loaded l = load(actor, key, false);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new SphereException(ErrorCode.COMMENT_EMPTY, "text", Map.of());
        }
        int length = body.codePointCount(0, body.length());
        if (length > MAX_COMMENT) {
            throw new SphereException(ErrorCode.COMMENT_TOO_LONG, "text", Map.of("max", MAX_COMMENT, "length",
                    length));
        }
        CardComment c = CardComment.write(l.card.id(), actor.userId(), body, now());
        comments.persist(c);
        tell(NotificationKind.COMMENT, watcherIds(l.card), actor, l.card, body);
        record(actor, AuditAction.CARD_COMMENTED, l.card, List.of(), Map.of("commentId", String.valueOf(c.id()),
                "text", body));
        return new CommentView(c.id(), Optional.ofNullable(users.refs(List.of(actor.userId())).get(actor.userId())),
                body, c.createdAt());
    }

    /** Oldest first. */
    public List<CommentView> comments(Actor actor, String key) {
        Loaded l = load(actor, key, false);
        List<CardComment> list = comments.list("cardId", Sort.by("createdAt").and("id"), l.card.id());
        Map<Long, UserRef> refs = users.refs(list.stream().map(CardComment::authorId)
                .filter(Objects::nonNull).toList());
        return list.stream().map(c -> new CommentView(c.id(), Optional.ofNullable(c.authorId()).map(refs::get),
                c.body(), c.createdAt())).toList();
    }

    /** Needs DELETE. The card disappears from every list and page; its key is never given to another card. */
    public void delete(Actor actor, String key) {
        Loaded l = load(actor, key, true);
        require(actor, l, Action.DELETE);
        l.card.delete(actor.userId(), now());
        cards.flush();
        record(actor, AuditAction.CARD_DELETED, l.card, List.of(), Map.of());
    }

    /**
     * The transitions the actor may fire from the card's current stage: exactly the buttons to show. A card read
     * for the same actor carries them already ({@link CardView#transitions()}); this reads permissions afresh.
     */
    public List<TransitionView> allowedTransitions(Actor actor, CardView card) {
        TypeAccess access = permissions.access(actor, card.typeId());
        return types.byId(card.typeId()).map(type -> transitions(type.definition(), access, card.stage(),
                f -> card.field(f).map(v -> v.value() == null).orElse(true))).orElse(List.of());
    }

    private static List<TransitionView> transitions(CardTypeDefinition def, TypeAccess access, String stage,
            Predicate<String> empty) {
        if (!access.can(Action.TRANSITION)) {
            return List.of();
        }
        List<TransitionView> list = new ArrayList<>();
        for (TransitionDefinition t : def.transitionsFrom(stage)) {
            if (access.mayFire(t.allowedGroupIds())) {
                StageDefinition to = def.stage(t.to()).orElseThrow();
                List<String> missing = t.requiredFields().stream().filter(empty).toList();
                list.add(new TransitionView(t.key(), t.label(), t.from(), t.to(), to.name(), to.isFinal(),
                        t.requiredFields(), missing));
            }
        }
        return List.copyOf(list);
    }

    /** For the worker's overdue job: flags open cards past their due date, returns their keys, each once. */
    public List<String> flagOverdue() {
        return cards.flagOverdue(now());
    }

    /** Tells people about a change of the card; never the person who made it. */
    private void tell(NotificationKind kind, List<Long> recipients, Actor actor, Card card, String detail) {
        notifications.notify(kind, recipients, actor.userId(), card.id(), null, card.key() + " " + card.title(),
                detail, "/cards/" + card.key());
    }

    private List<Long> watcherIds(Card card) {
        return watchers.list("cardId", card.id()).stream().map(CardWatcher::userId).toList();
    }

    /** A card with its type and what the actor may do with it, read once per call and used for every check. */
    private record Loaded(Card card, CardTypeView type, TypeAccess access) {
    }

    private Loaded load(Actor actor, String key, boolean forUpdate) {
        String k = key == null ? "" : key.strip();
        Optional<Card> found = forUpdate ? cards.findLiveForUpdate(k) : cards.findLive(k);
        Card card = found.orElseThrow(CardService::notFound);
        TypeAccess access = permissions.access(actor, card.cardTypeId());
        if (!access.can(Action.VIEW)) {
            throw notFound();
        }
        CardTypeView type = types.byId(card.cardTypeId()).orElseThrow(CardService::notFound);
        return new Loaded(card, type, access);
    }

    /**
     * Flushes the change, so that its event carries the version now in the database, and records it.
     * {@code watching} are the card's watchers as this transaction sees them.
     */
    private CardView recorded(Loaded l, Actor actor, AuditAction action, CardDiff.Snapshot before,
            Map<String, String> detail, List<Long> watching) {
        cards.flush();
        CardView view = view(l, actor, watching);
        record(actor, action, l.card, CardDiff.between(before, CardDiff.Snapshot.of(l.card,
                read(l.card.fieldValues())), l.type.definition()), detail);
        return view;
    }

    private void record(Actor actor, AuditAction action, Card card, List<AuditChange> changes,
            Map<String, String> detail) {
        audit.onCard(actor, action, new AuditedCard(card.id(), card.key(), card.cardTypeId(), card.version()),
                changes, detail);
    }

    private void require(Actor actor, Loaded l, Action action) {
        if (!l.access.can(action)) {
            throw denied(action);
        }
    }

    private void checkVersion(Actor actor, Loaded l, long expectedVersion) {
        if (l.card.version() != expectedVersion) {
            throw new CardConflictException(expectedVersion, view(l, actor));
        }
    }

    private static List<String> missing(TransitionDefinition t, ObjectNode values) {
        return t.requiredFields().stream().filter(f -> !values.hasNonNull(f)).toList();
    }

    private Optional<ErrorCode> assigneeProblem(long typeId, long userId) {
        Optional<UserView> user = users.findActive(userId);
        if (user.isEmpty()) {
            return Optional.of(ErrorCode.ASSIGNEE_UNKNOWN);
        }
        Actor as = new Actor(user.get().id(), user.get().email(), user.get().superuser());
        return permissions.can(as, typeId, Action.VIEW)
                ? Optional.empty()
                : Optional.of(ErrorCode.ASSIGNEE_CANNOT_VIEW);
    }

    /**
     * A person offers a card to a group they belong to (a superuser to any group); the group a card has already
     * stays allowed, so that someone who left it can still edit the card without moving it. Membership comes from the
     * request's {@link TypeAccess}, which already holds the person's groups.
     */
    private void checkGroup(TypeAccess access, Long groupId, Long current, List<FieldError> errors) {
        if (groupId == null) {
            return;
        }
        if (!access.isMember(groupId) && !groups.exists(groupId)) { // a group of one's own exists
            errors.add(new FieldError("candidateGroupId", ErrorCode.CANDIDATE_GROUP_UNKNOWN, Map.of("id", groupId)));
        } else if (!access.superuser() && !groupId.equals(current) && !access.isMember(groupId)) {
            errors.add(new FieldError("candidateGroupId", ErrorCode.CANDIDATE_GROUP_NOT_MEMBER, Map.of("id",
                    groupId)));
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

    /** Applies input to the stored values; on create also the defaults of fields the input leaves out. */
    private ObjectNode values(CardTypeDefinition def, ObjectNode current, Map<String, Object> input,
            boolean applyDefaults, List<FieldError> errors) {
        ObjectNode result = current.deepCopy();
        Set<String> failed = new HashSet<>();
        LongPredicate activeUser = id -> users.findActive(id).isPresent();
        for (Map.Entry<String, Object> e : input.entrySet()) {
            Optional<FieldDefinition> field = def.field(e.getKey()).filter(f -> !f.removed());
            if (field.isEmpty()) {
                errors.add(new FieldError(String.valueOf(e.getKey()), ErrorCode.FIELD_UNKNOWN,
                        Map.of("field", String.valueOf(e.getKey()))));
                continue;
            }
            int before = errors.size();
            JsonNode converted = FieldValues.convert(field.get(), e.getValue(), current.get(e.getKey()), activeUser,
                    errors);
            if (errors.size() > before) {
                failed.add(e.getKey());
            } else if (converted == null) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), converted);
            }
        }
        for (FieldDefinition f : def.activeFields()) {
            if (applyDefaults && f.defaultValue() != null && !input.containsKey(f.key())) {
                JsonNode d = FieldValues.convert(f, f.defaultValue(), null, activeUser, new ArrayList<>());
                if (d != null) {
                    result.set(f.key(), d);
                }
            }
            if (f.required() && !result.hasNonNull(f.key()) && !failed.contains(f.key())) {
                errors.add(new FieldError(f.key(), ErrorCode.FIELD_REQUIRED, Map.of("label", f.label())));
            }
        }
        return result;
    }

    /** Rewrites the search vector of a card that exists; a new card gets it with its INSERT. */
    private void reindex(Card card, CardTypeDefinition def) {
        cards.index(card.id(), document(card.key(), card.title(), read(card.fieldValues()), def));
    }

    /** The words a card is found by: its key, title and text-like values. */
    private static String document(String key, String title, ObjectNode values, CardTypeDefinition def) {
        StringBuilder doc = new StringBuilder(key).append(' ').append(title);
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext();) {
            var e = it.next();
            boolean textLike = def.field(e.getKey()).map(f -> f.kind().isTextLike()).orElse(false);
            if (textLike && e.getValue().isTextual()) {
                doc.append(' ').append(e.getValue().asText());
            }
        }
        return CardText.words(doc.toString());
    }

    private CardView view(Loaded l, Actor actor) {
        return view(l, actor, watcherIds(l.card));
    }

    private CardView view(Loaded l, Actor actor, List<Long> watching) {
        Card c = l.card;
        Set<Long> people = peopleOf(l.type.definition(), read(c.fieldValues()), c.createdBy(), c.updatedBy(),
                c.assigneeId(), watching);
        return view(c, l.type, l.access, actor, watching, refs(l.access, people));
    }

    /**
     * Every person in {@code people}; the actor from what the request's permission statement read with their
     * access, so that an answer naming only the actor costs no statement.
     */
    private Map<Long, UserRef> refs(TypeAccess access, Set<Long> people) {
        TypeAccess.Self self = access.self();
        if (self == null || !people.contains(self.id())) {
            return users.refs(people);
        }
        Set<Long> others = new HashSet<>(people);
        others.remove(self.id());
        Map<Long, UserRef> refs = new HashMap<>(users.refs(others));
        refs.put(self.id(), new UserRef(self.id(), self.email(), self.displayName()));
        return refs;
    }

    /** Everyone a card's answer names: creator, last editor, assignee, watchers and people in its user fields. */
    private static Set<Long> peopleOf(CardTypeDefinition def, ObjectNode values, Long createdBy, Long updatedBy,
            Long assigneeId, List<Long> watching) {
        Set<Long> userIds = new HashSet<>(watching);
        for (Long id : new Long[]{createdBy, updatedBy, assigneeId}) {
            if (id != null) {
                userIds.add(id);
            }
        }
        for (FieldDefinition f : def.fields()) {
            if (f.kind() == FieldKind.USER && values.hasNonNull(f.key())) {
                userIds.add(values.get(f.key()).asLong());
            }
        }
        return userIds;
    }

    /**
     * The card as {@code actor} sees it, from what the caller already read: {@code watcherIds} and {@code refs}
     * (every person {@link #peopleOf} names). Reads at most the candidate group's name, when it is not one of the actor's.
     */
    private CardView view(Card c, CardTypeView type, TypeAccess access, Actor actor, List<Long> watcherIds,
            Map<Long, UserRef> refs) {
        CardTypeDefinition def = type.definition();
        ObjectNode values = read(c.fieldValues());
        Map<Long, String> names = new HashMap<>();
        refs.forEach((id, r) -> names.put(id, r.displayName()));
        List<FieldValueView> fields = new ArrayList<>();
        List<FieldValueView> removed = new ArrayList<>();
        for (FieldDefinition f : def.fields()) {
            JsonNode v = values.get(f.key());
            FieldValueView view = new FieldValueView(f.key(), f.label(), f.kind(), FieldValues.plain(f, v),
                    FieldValues.display(f, v, names), f.removed());
            if (!f.removed()) {
                fields.add(view);
            } else if (v != null && !v.isNull()) {
                removed.add(view);
            }
        }
        values.fieldNames().forEachRemaining(k -> {
            if (def.field(k).isEmpty()) {
                JsonNode v = values.get(k);
                removed.add(new FieldValueView(k, k, FieldKind.TEXT, v.isValueNode() ? v.asText() : v.toString(),
                        v.isValueNode() ? v.asText() : v.toString(), true));
            }
        });
        Long groupId = c.candidateGroupId();
        Optional<GroupRef> group = groupId == null
                ? Optional.empty()
                : access.groupName(groupId).map(name -> new GroupRef(groupId, name)).or(() -> groups.ref(groupId));
        boolean closed = c.closedAt() != null;
        Map<String, FieldValueView> byKey = new HashMap<>();
        removed.forEach(v -> byKey.put(v.key(), v));
        fields.forEach(v -> byKey.put(v.key(), v));
        List<TransitionView> transitions = transitions(def, access, c.stage(),
                f -> byKey.get(f) == null || byKey.get(f).value() == null);
        return new CardView(c.id(), c.key(), type.id(), type.key(), type.name(), c.number(), c.title(),
                List.copyOf(fields), List.copyOf(removed), c.stage(), stageName(def, c.stage()), closed,
                Optional.ofNullable(c.assigneeId()).map(refs::get), group, c.priority(),
                Optional.ofNullable(c.dueAt()), c.overdue(), Optional.ofNullable(c.createdBy()).map(refs::get),
                c.createdAt(), Optional.ofNullable(c.updatedBy()).map(refs::get), c.updatedAt(),
                Optional.ofNullable(c.closedAt()), watcherIds.stream().map(refs::get)
                        .filter(Objects::nonNull).toList(),
                watcherIds.contains(actor.userId()), c.version(), transitions);
    }

    static String stageName(CardTypeDefinition def, String stage) {
        return def.stage(stage).map(StageDefinition::name).orElse(stage);
    }

    private static Priority priorityOf(CardInput input) {
        return input.priority() == null ? Priority.NORMAL : input.priority();
    }

    private static ObjectNode read(String json) {
        try {
            JsonNode node = JSON.readTree(json == null ? "{}" : json);
            return node instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (IOException e) {
            throw new IllegalStateException("Stored field values cannot be read", e);
        }
    }

    private static String write(ObjectNode values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Field values cannot be written", e);
        }
    }

    private static Instant slaDue(StageDefinition stage, Instant entered) {
        return stage.isFinal() ? null : stage.slaDuration().map(entered::plus).orElse(null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    private static SphereException notFound() {
        return new SphereException(ErrorCode.CARD_NOT_FOUND);
    }

    private static SphereException denied(Action action) {
        return new SphereException(ErrorCode.ACCESS_DENIED, null, Map.of("action", action.name()));
    }
}

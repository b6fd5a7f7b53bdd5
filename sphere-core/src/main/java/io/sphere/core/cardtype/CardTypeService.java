package io.sphere.core.cardtype;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.StaleObjectStateException;

import io.quarkus.panache.common.Sort;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.group.GroupService;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;
import io.sphere.core.user.UserDirectory;

/**
 * Card types: creating one needs the superuser, editing one needs ADMINISTER on it. A type someone may neither
 * view, create in nor administer does not exist for them.
 * <p>
 * Reads run in a transaction too, not {@code SUPPORTS}: outside one, Hibernate serves them from the request-scoped
 * session, which may still hold an entity loaded before a write made earlier in the same request (S14: never a
 * stale card or permission).
 */
@ApplicationScoped
@Transactional
public class CardTypeService {

    public static final String KEY_PATTERN = "^[A-Z][A-Z0-9]{1,9}$";
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 4_000;

    private final CardTypeRepository types;
    private final CardTypeVersionRepository versions;
    private final PermissionService permissions;
    private final GroupService groups;
    private final UserDirectory users;
    private final Clock clock;
    /**
     * The last parsed definition of each type, with the JSON it was parsed from: reading a type parses its
     * definition only when the stored JSON differs from the one parsed before. Nothing is served without reading
     * the type's row first, so a definition saved by another process is seen at once.
     */
    private final Map<Long, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(String json, CardTypeDefinition definition) {
    }

    CardTypeService(CardTypeRepository types, CardTypeVersionRepository versions, PermissionService permissions,
            GroupService groups, UserDirectory users, Clock clock) {
        this.types = types;
        this.versions = versions;
        this.permissions = permissions;
        this.groups = groups;
        this.users = users;
        this.clock = clock;
    }

    public CardTypeView create(Actor actor, String key, String name, String description,
            CardTypeDefinition definition) {
        if (!actor.superuser()) {
            throw new SphereException(ErrorCode.ACCESS_DENIED);
        }
        String cleanKey = key == null ? "" : key.strip();
        if (!cleanKey.matches(KEY_PATTERN)) {
            throw new SphereException(ErrorCode.CARD_TYPE_KEY_INVALID, "key",
                    Map.of("value", cleanKey, "pattern", KEY_PATTERN));
        }
        if (types.findByKey(cleanKey).isPresent()) {
            throw new SphereException(ErrorCode.CARD_TYPE_EXISTS, "key", Map.of("key", cleanKey));
        }
        String cleanName = checkName(name);
        String cleanDescription = checkDescription(description);
        CardTypeDefinition normalized = normalize(definition);
        validate(normalized);
        Instant now = now();
        String json = Definitions.write(normalized);
        CardType type = CardType.define(cleanKey, cleanName, cleanDescription, json, now);
        types.persist(type);
        versions.persist(CardTypeVersion.record(type.id(), 1, json, actor.userId(), now));
        types.flush();
        return type.view(normalized);
    }

    /**
     * Saves a new name, description and definition. Fields and options missing from {@code definition} are kept
     * as removed (cards keep their values); a field's kind cannot change; a stage that still has cards cannot be
     * removed. {@code expectedVersion} is the {@link CardTypeView#version()} the editor started from.
     */
    public CardTypeView update(Actor actor, String key, long expectedVersion, String name, String description,
            CardTypeDefinition definition) {
        CardType type = loadFor(actor, key, Action.ADMINISTER);
        if (type.version() != expectedVersion) {
            throw new SphereException(ErrorCode.CARD_TYPE_VERSION_CONFLICT, null,
                    Map.of("expected", expectedVersion, "current", type.version()));
        }
        String cleanName = checkName(name);
        String cleanDescription = checkDescription(description);
        CardTypeDefinition previous = Definitions.read(type.definitionJson());
        CardTypeDefinition merged = merge(previous, normalize(definition));
        validate(merged);
        for (StageDefinition old : previous.stages()) {
            if (merged.stage(old.key()).isEmpty()) {
                long cards = types.cardsInStage(type.id(), old.key());
                if (cards > 0) {
                    throw new SphereException(ErrorCode.STAGE_IN_USE, "stages",
                            Map.of("stage", old.key(), "name", old.name(), "count", cards));
                }
            }
        }
        boolean changed = !merged.equals(previous);
        Instant now = now();
        String json = Definitions.write(merged);
        type.redefine(cleanName, cleanDescription, json, changed, now);
        if (changed) {
            versions.persist(CardTypeVersion.record(type.id(), type.definitionVersion(), json, actor.userId(), now));
        }
        try {
            types.flush();
        } catch (OptimisticLockException | StaleObjectStateException e) {
            throw new SphereException(ErrorCode.CARD_TYPE_VERSION_CONFLICT, null, Map.of("expected", expectedVersion));
        }
        return type.view(merged);
    }

    /** A type the actor may view, create cards in or administer. */
    public CardTypeView get(Actor actor, String key) {
        CardType type = types.findByKey(key == null ? "" : key).orElseThrow(CardTypeService::notFound);
        Set<Action> actions = permissions.actions(actor, type.id());
        if (!actions.contains(Action.VIEW) && !actions.contains(Action.CREATE)
                && !actions.contains(Action.ADMINISTER)) {
            throw notFound();
        }
        return view(type);
    }

    /** Types the actor has any permission on, by name. */
    public List<CardTypeSummary> list(Actor actor) {
        List<CardTypeSummary> list = new ArrayList<>();
        for (CardType t : types.listAll(Sort.by("name").and("key"))) {
            Set<Action> actions = permissions.actions(actor, t.id());
            if (!actions.isEmpty()) {
                CardTypeView v = t.view(null);
                list.add(new CardTypeSummary(v.id(), v.key(), v.name(), v.description(), actions));
            }
        }
        return list;
    }

    public List<CardTypeVersionView> versions(Actor actor, String key) {
        CardType type = loadFor(actor, key, Action.ADMINISTER);
        return versions.list("cardTypeId", Sort.by("version").descending(), type.id()).stream()
                .map(v -> new CardTypeVersionView(v.version(), Definitions.read(v.definitionJson()),
                        Optional.ofNullable(v.createdBy()), v.createdAt()))
                .toList();
    }

    /**
     * For core's own features (cards, exchange), without a permission check: the caller checks. Never hand the
     * result to a person who was not checked.
     */
    public Optional<CardTypeView> findByKey(String key) {
        return types.findByKey(key == null ? "" : key).map(this::view);
    }

    /** For core's own features, without a permission check; see {@link #findByKey(String)}. */
    public Optional<CardTypeView> byId(long id) {
        return types.findByIdOptional(id).map(this::view);
    }

    /** For core's own features, without a permission check; see {@link #findByKey(String)}. */
    public Map<Long, CardTypeView> byIds(Collection<Long> ids) {
        Map<Long, CardTypeView> map = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            // one statement text for any number of ids (an IN list was translated anew for each length)
            @SuppressWarnings("unchecked")
            List<CardType> rows = types.getEntityManager()
                    .createNativeQuery("SELECT * FROM card_type WHERE id = ANY(?1)", CardType.class)
                    .setParameter(1, ids.stream().distinct().toArray(Long[]::new)).getResultList();
            rows.forEach(t -> map.put(t.id(), view(t)));
        }
        return map;
    }

    /** For CardService only: the next number of a type, see CardTypeRepository#allocateNumber. */
    @Transactional(TxType.MANDATORY)
    public long allocateNumber(long cardTypeId) {
        return types.allocateNumber(cardTypeId);
    }

    private CardTypeView view(CardType t) {
        String json = t.definitionJson();
        Parsed known = parsed.get(t.id());
        if (known != null && known.json().equals(json)) {
            return t.view(known.definition());
        }
        CardTypeDefinition definition = Definitions.read(json);
        parsed.put(t.id(), new Parsed(json, definition));
        return t.view(definition);
    }

    private CardType loadFor(Actor actor, String key, Action action) {
        CardType type = types.findByKey(key == null ? "" : key).orElseThrow(CardTypeService::notFound);
        if (!permissions.can(actor, type.id(), action)) {
            Set<Action> actions = permissions.actions(actor, type.id());
            if (actions.isEmpty()) {
                throw notFound();
            }
            throw new SphereException(ErrorCode.ACCESS_DENIED, null, Map.of("action", action.name()));
        }
        return type;
    }

    private void validate(CardTypeDefinition d) {
        DefinitionValidator.validate(d, groups::exists, id -> users.findActive(id).isPresent());
    }

    /** Trims keys and labels so that " new " and "new" are the same stage. */
    private static CardTypeDefinition normalize(CardTypeDefinition d) {
        if (d == null) {
            throw new SphereException(ErrorCode.DEFINITION_MISSING, "definition", Map.of());
        }
        List<FieldDefinition> fields = d.fields().stream()
                .map(f -> new FieldDefinition(strip(f.key()), strip(f.label()), f.kind(), f.required(),
                        f.defaultValue() == null || f.defaultValue().isBlank() ? null : f.defaultValue().strip(),
                        f.help() == null || f.help().isBlank() ? null : f.help().strip(), f.validation(),
                        f.options().stream()
                                .map(o -> o == null
                                        ? null
                                        : new FieldOption(strip(o.value()), strip(o.label()), o.removed()))
                                .toList(),
                        f.removed()))
                .toList();
        List<StageDefinition> stages = d.stages().stream()
                .map(s -> new StageDefinition(strip(s.key()), strip(s.name()), s.initial(), s.isFinal(),
                        s.sla() == null || s.sla().isBlank() ? null : s.sla().strip()))
                .toList();
        List<TransitionDefinition> transitions = d.transitions().stream()
                .map(t -> new TransitionDefinition(strip(t.key()), strip(t.from()), strip(t.to()), strip(t.label()),
                        t.allowedGroupIds().stream().distinct().toList(),
                        t.requiredFields().stream().map(CardTypeService::strip).distinct().toList()))
                .toList();
        return new CardTypeDefinition(fields, stages, transitions);
    }

    /** Keeps every field and option the previous definition had: dropping one only marks it removed. */
    static CardTypeDefinition merge(CardTypeDefinition previous, CardTypeDefinition next) {
        List<FieldDefinition> fields = new ArrayList<>();
        for (int i = 0; i < next.fields().size(); i++) {
            FieldDefinition f = next.fields().get(i);
            Optional<FieldDefinition> old = f.key() == null ? Optional.empty() : previous.field(f.key());
            if (old.isPresent()) {
                if (f.kind() != null && f.kind() != old.get().kind()) {
                    throw new SphereException(ErrorCode.FIELD_KIND_CHANGED, "fields[" + i + "].kind",
                            Map.of("field", f.key(), "from", old.get().kind().name(), "to", f.kind().name()));
                }
                List<FieldOption> options = new ArrayList<>(f.options());
                Set<String> kept = f.options().stream().filter(o -> o != null && o.value() != null)
                        .map(FieldOption::value).collect(Collectors.toSet());
                old.get().options().stream().filter(o -> !kept.contains(o.value()))
                        .forEach(o -> options.add(o.withRemoved(true)));
                f = f.withOptions(options);
            }
            fields.add(f);
        }
        Set<String> keys = next.fields().stream().map(FieldDefinition::key).collect(Collectors.toSet());
        previous.fields().stream().filter(f -> !keys.contains(f.key())).forEach(f -> fields.add(f.withRemoved(true)));
        return new CardTypeDefinition(fields, next.stages(), next.transitions());
    }

    private static String checkName(String name) {
        String clean = strip(name);
        if (clean == null || clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new SphereException(ErrorCode.CARD_TYPE_NAME_INVALID, "name", Map.of("max", MAX_NAME));
        }
        return clean;
    }

    private static String checkDescription(String description) {
        String clean = description == null ? "" : description.strip();
        if (clean.length() > MAX_DESCRIPTION) {
            throw new SphereException(ErrorCode.DEFINITION_TOO_LONG, "description", Map.of("max", MAX_DESCRIPTION));
        }
        return clean;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static SphereException notFound() {
        return new SphereException(ErrorCode.CARD_TYPE_NOT_FOUND);
    }

}

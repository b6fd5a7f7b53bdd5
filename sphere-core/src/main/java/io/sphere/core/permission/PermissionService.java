package io.sphere.core.permission;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.sphere.core.audit.AuditAction;
import io.sphere.core.audit.AuditChange;
import io.sphere.core.audit.AuditTrail;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.group.GroupService;
import io.sphere.core.security.Actor;

/**
 * Who may do what with the cards of each type: group × action per card type. The superuser bypasses every check
 * (S3). Every answer is read from the database, never cached.
 */
@ApplicationScoped
@Transactional
public class PermissionService {

    private final PermissionRepository permissions;
    private final GroupService groups;
    private final AuditTrail audit;

    PermissionService(PermissionRepository permissions, GroupService groups, AuditTrail audit) {
        this.permissions = permissions;
        this.groups = groups;
        this.audit = audit;
    }

    public boolean can(Actor actor, long cardTypeId, Action action) {
        return actor.superuser() || permissions.granted(actor.userId(), cardTypeId, action);
    }

    /**
     * Everything a request needs to decide about one type: the actor's actions on it and their groups, in one
     * statement (none for the superuser). Read afresh by every request that asks, never cached.
     */
    public TypeAccess access(Actor actor, long cardTypeId) {
        if (actor.superuser()) {
            return new TypeAccess(true, EnumSet.allOf(Action.class), Map.of(), null);
        }
        return permissions.access(actor.userId(), cardTypeId);
    }

    /** Every action the actor has on a type (all of them for the superuser), for showing buttons. */
    public Set<Action> actions(Actor actor, long cardTypeId) {
        return actor.superuser() ? EnumSet.allOf(Action.class) : permissions.actions(actor.userId(), cardTypeId);
    }

    /** Types whose cards the actor may view; for the superuser use {@link #viewsAll(Actor)} instead of a list. */
    public Set<Long> visibleTypeIds(Actor actor) {
        return typeIdsWith(actor, Action.VIEW);
    }

    public Set<Long> typeIdsWith(Actor actor, Action action) {
        return actor.superuser() ? permissions.allTypeIds() : permissions.typeIds(actor.userId(), action);
    }

    /** Active people who have {@code action} on a type, superusers included, at most {@code limit}. */
    public List<Long> activeUserIdsWith(long cardTypeId, Action action, int limit) {
        return permissions.activeUserIds(cardTypeId, action, limit);
    }

    public boolean viewsAll(Actor actor) {
        return actor.superuser();
    }

    /** Whether the actor administers at least one card type (opens the administration section). */
    public boolean administersAny(Actor actor) {
        return actor.superuser() || !permissions.typeIds(actor.userId(), Action.ADMINISTER).isEmpty();
    }

    public void require(Actor actor, long cardTypeId, Action action) {
        if (!can(actor, cardTypeId, action)) {
            throw new SphereException(ErrorCode.ACCESS_DENIED, null, Map.of("action", action.name()));
        }
    }

    /** The permission matrix of a type: group id → actions, for groups that have at least one. */
    public Map<Long, Set<Action>> matrix(Actor actor, long cardTypeId) {
        requireAdministrator(actor, cardTypeId);
        return permissions.matrix(cardTypeId);
    }

    /** The matrix without a permission check, for core's own export; never hand it to a person unchecked. */
    public Map<Long, Set<Action>> matrixOf(long cardTypeId) {
        return permissions.matrix(cardTypeId);
    }

    /** Replaces the whole matrix of a type. Groups missing from the map lose every permission on it. */
    public void setMatrix(Actor actor, long cardTypeId, Map<Long, Set<Action>> matrix) {
        requireAdministrator(actor, cardTypeId);
        Map<Long, Set<Action>> clean = new LinkedHashMap<>();
        for (var entry : matrix.entrySet()) {
            if (entry.getKey() == null || !groups.exists(entry.getKey())) {
                throw new SphereException(ErrorCode.GROUP_NOT_FOUND, "groupId",
                        Map.of("id", String.valueOf(entry.getKey())));
            }
            if (entry.getValue() != null && !entry.getValue().isEmpty()) {
                clean.put(entry.getKey(), EnumSet.copyOf(entry.getValue()));
            }
        }
        Map<Long, Set<Action>> before = permissions.matrix(cardTypeId);
        permissions.replace(cardTypeId, clean);
        List<AuditChange> changes = new ArrayList<>();
        TreeSet<Long> groupIds = new TreeSet<>(before.keySet());
        groupIds.addAll(clean.keySet());
        for (Long g : groupIds) {
            Set<Action> was = before.getOrDefault(g, Set.of());
            Set<Action> now = clean.getOrDefault(g, Set.of());
            if (!was.equals(now)) {
                changes.add(new AuditChange("permission.group." + g, "ACTIONS", actions(was), actions(now)));
            }
        }
        if (!changes.isEmpty()) {
            audit.general(actor, AuditAction.PERMISSION_CHANGED, changes,
                    Map.of("cardTypeId", String.valueOf(cardTypeId)));
        }
    }

    private static ArrayNode actions(Set<Action> set) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        new TreeSet<>(set).forEach(x -> a.add(x.name()));
        return a.isEmpty() ? null : a;
    }

    private void requireAdministrator(Actor actor, long cardTypeId) {
        if (!permissions.typeExists(cardTypeId)) {
            throw new SphereException(ErrorCode.CARD_TYPE_NOT_FOUND);
        }
        if (!can(actor, cardTypeId, Action.ADMINISTER)) {
            if (!can(actor, cardTypeId, Action.VIEW)) {
                throw new SphereException(ErrorCode.CARD_TYPE_NOT_FOUND);
            }
            throw new SphereException(ErrorCode.ACCESS_DENIED, null, Map.of("action", Action.ADMINISTER.name()));
        }
    }
}

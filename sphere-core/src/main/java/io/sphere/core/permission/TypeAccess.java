package io.sphere.core.permission;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one person may do with the cards of one type, the groups they are in and their own name, read together in
 * one statement at the start of a request ({@link PermissionService#access}) so that every later check of that
 * request decides from the same rows instead of asking the database again, and an answer that names the person or
 * one of their groups needs no statement of its own. Never kept beyond the request that read it.
 *
 * @param groups the person's groups by id, with their names; not read for the superuser, who needs none of them
 *            ({@link #mayFire})
 * @param self the person as this statement read them; {@code null} for the superuser, for whom nothing is read
 */
public record TypeAccess(boolean superuser, Set<Action> actions, Map<Long, String> groups, Self self) {

    /** The person the access was read for, with their name as the same statement saw it. */
    public record Self(long id, String email, String displayName) {
    }

    public TypeAccess {
        actions = Set.copyOf(actions);
        groups = Map.copyOf(groups);
    }

    public boolean can(Action action) {
        return superuser || actions.contains(action);
    }

    /** True when nothing at all is granted on the type: the type does not exist for this person. */
    public boolean none() {
        return !superuser && actions.isEmpty();
    }

    public boolean isMember(long groupId) {
        return groups.containsKey(groupId);
    }

    /** The name of one of the person's groups; empty for any other group, whose name must be read. */
    public Optional<String> groupName(long groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    /** May fire a transition limited to {@code allowedGroupIds} (empty: anyone with TRANSITION). */
    public boolean mayFire(Collection<Long> allowedGroupIds) {
        return superuser || allowedGroupIds.isEmpty() || allowedGroupIds.stream().anyMatch(groups::containsKey);
    }
}

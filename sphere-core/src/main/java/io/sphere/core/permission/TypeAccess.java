package io.sphere.core.permission;

import java.util.Collection;
import java.util.Set;

/**
 * What one person may do with the cards of one type, and the groups they are in, read together in one statement
 * at the start of a request ({@link PermissionService#access}) so that every later check of that request decides
 * from the same rows instead of asking the database again. Never kept beyond the request that read it.
 *
 * @param groupIds the person's groups, for the transitions only some groups may fire; not read for the
 *            superuser, who needs none of them ({@link #mayFire})
 */
public record TypeAccess(boolean superuser, Set<Action> actions, Set<Long> groupIds) {

    public TypeAccess {
        actions = Set.copyOf(actions);
        groupIds = Set.copyOf(groupIds);
    }

    public boolean can(Action action) {
        return superuser || actions.contains(action);
    }

    /** True when nothing at all is granted on the type: the type does not exist for this person. */
    public boolean none() {
        return !superuser && actions.isEmpty();
    }

    public boolean isMember(long groupId) {
        return groupIds.contains(groupId);
    }

    /** May fire a transition limited to {@code allowedGroupIds} (empty: anyone with TRANSITION). */
    public boolean mayFire(Collection<Long> allowedGroupIds) {
        return superuser || allowedGroupIds.isEmpty() || allowedGroupIds.stream().anyMatch(groupIds::contains);
    }
}

package io.sphere.core.group;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import io.sphere.core.audit.AuditAction;
import io.sphere.core.audit.AuditTrail;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.security.Actor;
import io.sphere.core.user.UserDirectory;
import io.sphere.core.user.UserRef;

/**
 * Groups and their members. Anyone signed in may read them (a card type editor picks groups, a card shows its
 * candidate group); changing them needs the superuser.
 * <p>
 * Reads run in a transaction too, not {@code SUPPORTS}: outside one, Hibernate serves them from the request-scoped
 * session, which may still hold an entity loaded before a write made earlier in the same request (S14: never a
 * stale card or permission).
 */
@ApplicationScoped
@Transactional
public class GroupService {

    public static final int MAX_NAME = 100;
    public static final int MAX_DESCRIPTION = 1000;

    private final GroupRepository groups;
    private final GroupMemberRepository members;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final Clock clock;

    GroupService(GroupRepository groups, GroupMemberRepository members, UserDirectory users, AuditTrail audit,
            Clock clock) {
        this.groups = groups;
        this.members = members;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    public GroupView create(Actor actor, String name, String description) {
        requireSuperuser(actor);
        String clean = checkName(name);
        if (groups.findByName(clean).isPresent()) {
            throw new SphereException(ErrorCode.GROUP_EXISTS, "name", Map.of("name", clean));
        }
        Group g = Group.found(clean, checkDescription(description), clock.instant());
        groups.persist(g);
        return g.view(0);
    }

    public GroupView rename(Actor actor, long groupId, String name, String description) {
        requireSuperuser(actor);
        Group g = load(groupId);
        String clean = checkName(name);
        groups.findByName(clean).filter(other -> !other.id().equals(g.id())).ifPresent(other -> {
            throw new SphereException(ErrorCode.GROUP_EXISTS, "name", Map.of("name", clean));
        });
        g.rename(clean, checkDescription(description), clock.instant());
        return g.view(members.count("groupId", groupId));
    }

    /** Adds an active user to a group; adding someone already in it changes nothing. */
    public void addMember(Actor actor, long groupId, long userId) {
        requireSuperuser(actor);
        load(groupId);
        if (users.findActive(userId).isEmpty()) {
            throw new SphereException(ErrorCode.USER_NOT_FOUND, "userId", Map.of("id", userId));
        }
        if (members.findByIdOptional(new GroupMember.Key(groupId, userId)).isEmpty()) {
            members.persist(GroupMember.join(groupId, userId, clock.instant()));
            membership(actor, groupId, userId, "added");
        }
    }

    /** Membership decides permissions, so every change of it is a security event. */
    private void membership(Actor actor, long groupId, long userId, String change) {
        audit.general(actor, AuditAction.PERMISSION_CHANGED, List.of(), Map.of("groupId", String.valueOf(groupId),
                "userId", String.valueOf(userId), "membership", change));
    }

    public void removeMember(Actor actor, long groupId, long userId) {
        requireSuperuser(actor);
        load(groupId);
        if (members.deleteById(new GroupMember.Key(groupId, userId))) {
            membership(actor, groupId, userId, "removed");
        }
    }

    /** Makes the user a member of exactly these groups (the users page's group checkboxes). */
    public void setGroupsOf(Actor actor, long userId, Set<Long> groupIds) {
        requireSuperuser(actor);
        if (users.find(userId).isEmpty()) {
            throw new SphereException(ErrorCode.USER_NOT_FOUND, "userId", Map.of("id", userId));
        }
        for (long id : groupIds) {
            load(id);
        }
        Set<Long> current = groupsOf(userId);
        Instant now = clock.instant();
        for (long id : groupIds) {
            if (!current.contains(id)) {
                members.persist(GroupMember.join(id, userId, now));
                membership(actor, id, userId, "added");
            }
        }
        for (long id : current) {
            if (!groupIds.contains(id)) {
                members.deleteById(new GroupMember.Key(id, userId));
                membership(actor, id, userId, "removed");
            }
        }
    }

    public List<GroupView> list(Actor actor) {
        Map<Long, Long> counts = members.countsByGroup();
        return groups.listAll(Sort.by("name")).stream().map(g -> g.view(counts.getOrDefault(g.id(), 0L)))
                .toList();
    }

    public GroupView get(Actor actor, long groupId) {
        return load(groupId).view(members.count("groupId", groupId));
    }

    public List<UserRef> members(Actor actor, long groupId) {
        load(groupId);
        Set<Long> ids = members.list("groupId", groupId).stream().map(GroupMember::userId)
                .collect(Collectors.toSet());
        return users.refs(ids).values().stream()
                .sorted((a, b) -> a.displayName().compareToIgnoreCase(b.displayName())).toList();
    }

    /** The ids of the groups a user belongs to; read fresh every time, permissions depend on it. */
    public Set<Long> groupsOf(long userId) {
        return members.list("userId", userId).stream().map(GroupMember::groupId).collect(Collectors.toSet());
    }

    public List<GroupView> groupViewsOf(long userId) {
        Set<Long> ids = groupsOf(userId);
        return ids.isEmpty()
                ? List.of()
                : groups.list("id in ?1", Sort.by("name"), ids).stream()
                        .map(g -> g.view(members.count("groupId", g.id()))).toList();
    }

    public boolean isMember(long userId, long groupId) {
        return members.findByIdOptional(new GroupMember.Key(groupId, userId)).isPresent();
    }

    /** The group's id and name, if it exists; one primary-key read, shared with {@link #exists} in a transaction. */
    public Optional<GroupRef> ref(long groupId) {
        return groups.findByIdOptional(groupId).map(Group::ref);
    }

    public boolean exists(long groupId) {
        return groups.findByIdOptional(groupId).isPresent();
    }

    /** Names by id, for exports and for showing who may fire a transition; unknown ids are left out. */
    public Map<Long, String> namesOf(Collection<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            groups.list("id in ?1", ids.stream().distinct().toList()).forEach(g -> names.put(g.id(), g.name()));
        }
        return names;
    }

    /** Ids by name (case-insensitive), for imports; names with no group are left out. */
    public Map<String, Long> idsByName(Collection<String> names) {
        Map<String, Long> ids = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name != null && seen.add(name)) {
                groups.findByName(name).ifPresent(g -> ids.put(name, g.id()));
            }
        }
        return ids;
    }

    private Group load(long groupId) {
        return groups.findByIdOptional(groupId)
                .orElseThrow(() -> new SphereException(ErrorCode.GROUP_NOT_FOUND, "groupId", Map.of("id", groupId)));
    }

    private static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new SphereException(ErrorCode.GROUP_NAME_INVALID, "name", Map.of("max", MAX_NAME));
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

    /** Refuses anyone who may not change groups: the administration pages of groups ask this first. */
    public void requireManager(Actor actor) {
        requireSuperuser(actor);
    }

    private static void requireSuperuser(Actor actor) {
        if (!actor.superuser()) {
            throw new SphereException(ErrorCode.ACCESS_DENIED);
        }
    }
}

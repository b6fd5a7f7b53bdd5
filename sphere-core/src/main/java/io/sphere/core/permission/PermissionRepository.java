package io.sphere.core.permission;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Reads and writes card_type_permission with SQL that joins group_member, so a check is one indexed query and
 * never served from a cache (S14: never a stale permission).
 */
@ApplicationScoped
class PermissionRepository {

    private final EntityManager em;

    PermissionRepository(EntityManager em) {
        this.em = em;
    }

    boolean granted(long userId, long cardTypeId, Action action) {
        return !em.createNativeQuery("""
                SELECT 1 FROM card_type_permission p
                  JOIN group_member m ON m.group_id = p.group_id
                 WHERE m.user_id = ?1 AND p.card_type_id = ?2 AND p.action = ?3
                 LIMIT 1""").setParameter(1, userId).setParameter(2, cardTypeId).setParameter(3, action.name())
                .getResultList().isEmpty();
    }

    /**
     * The user's groups and, through them, their actions on one type, with the user's own name and their groups'
     * names: one row per membership and action (one row with no group for a user in none). No row: no such user.
     */
    TypeAccess access(long userId, long cardTypeId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT u.email, u.display_name, m.group_id, g.name, p.action FROM app_user u
                  LEFT JOIN group_member m ON m.user_id = u.id
                  LEFT JOIN user_group g ON g.id = m.group_id
                  LEFT JOIN card_type_permission p ON p.group_id = m.group_id AND p.card_type_id = ?2
                 WHERE u.id = ?1""").setParameter(1, userId).setParameter(2, cardTypeId).getResultList();
        Map<Long, String> groups = new HashMap<>();
        Set<Action> actions = EnumSet.noneOf(Action.class);
        TypeAccess.Self self = null;
        for (Object[] row : rows) {
            if (self == null) {
                self = new TypeAccess.Self(userId, (String) row[0], (String) row[1]);
            }
            if (row[2] != null) {
                groups.put(((Number) row[2]).longValue(), (String) row[3]);
            }
            if (row[4] != null) {
                actions.add(Action.valueOf((String) row[4]));
            }
        }
        return new TypeAccess(false, actions, groups, self);
    }

    Set<Action> actions(long userId, long cardTypeId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("""
                SELECT DISTINCT p.action FROM card_type_permission p
                  JOIN group_member m ON m.group_id = p.group_id
                 WHERE m.user_id = ?1 AND p.card_type_id = ?2""").setParameter(1, userId)
                .setParameter(2, cardTypeId).getResultList();
        Set<Action> actions = EnumSet.noneOf(Action.class);
        rows.forEach(a -> actions.add(Action.valueOf(a)));
        return actions;
    }

    Set<Long> typeIds(long userId, Action action) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("""
                SELECT DISTINCT p.card_type_id FROM card_type_permission p
                  JOIN group_member m ON m.group_id = p.group_id
                 WHERE m.user_id = ?1 AND p.action = ?2""").setParameter(1, userId)
                .setParameter(2, action.name()).getResultList();
        return rows.stream().map(Number::longValue).collect(Collectors.toSet());
    }

    List<Long> activeUserIds(long cardTypeId, Action action, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("""
                SELECT u.id FROM app_user u
                 WHERE u.active AND (u.superuser OR EXISTS (SELECT 1 FROM card_type_permission p
                         JOIN group_member m ON m.group_id = p.group_id
                        WHERE m.user_id = u.id AND p.card_type_id = ?1 AND p.action = ?2))
                 ORDER BY u.display_name, u.id LIMIT ?3""").setParameter(1, cardTypeId)
                .setParameter(2, action.name()).setParameter(3, limit).getResultList();
        return rows.stream().map(Number::longValue).toList();
    }

    Set<Long> allTypeIds() {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("SELECT id FROM card_type").getResultList();
        return rows.stream().map(Number::longValue).collect(Collectors.toSet());
    }

    Map<Long, Set<Action>> matrix(long cardTypeId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT group_id, action FROM card_type_permission WHERE card_type_id = ?1 ORDER BY group_id")
                .setParameter(1, cardTypeId).getResultList();
        Map<Long, Set<Action>> matrix = new HashMap<>();
        for (Object[] row : rows) {
            matrix.computeIfAbsent(((Number) row[0]).longValue(), k -> EnumSet.noneOf(Action.class))
                    .add(Action.valueOf((String) row[1]));
        }
        return matrix;
    }

    void replace(long cardTypeId, Map<Long, Set<Action>> matrix) {
        em.createNativeQuery("DELETE FROM card_type_permission WHERE card_type_id = ?1").setParameter(1, cardTypeId)
                .executeUpdate();
        for (var entry : matrix.entrySet()) {
            for (Action action : entry.getValue()) {
                em.createNativeQuery(
                        "INSERT INTO card_type_permission (card_type_id, group_id, action) VALUES (?1, ?2, ?3)")
                        .setParameter(1, cardTypeId).setParameter(2, entry.getKey()).setParameter(3, action.name())
                        .executeUpdate();
            }
        }
    }

    boolean typeExists(long cardTypeId) {
        return !em.createNativeQuery("SELECT 1 FROM card_type WHERE id = ?1").setParameter(1, cardTypeId)
                .getResultList().isEmpty();
    }
}

package io.sphere.core.group;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class GroupMemberRepository implements PanacheRepositoryBase<GroupMember, GroupMember.Key> {

    Map<Long, Long> countsByGroup() {
        Map<Long, Long> counts = new HashMap<>();
        getEntityManager()
                .createQuery("select m.groupId, count(m) from GroupMember m group by m.groupId", Object[].class)
                .getResultList().forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }
}

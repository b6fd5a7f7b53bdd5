package io.sphere.core.group;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "group_member")
@IdClass(GroupMember.Key.class)
class GroupMember {

    @Id
    @Column(name = "group_id")
    private long groupId;

    @Id
    @Column(name = "user_id")
    private long userId;

    @Column(name = "added_at")
    private Instant addedAt;

    protected GroupMember() {
    }

    static GroupMember join(long groupId, long userId, Instant now) {
        GroupMember m = new GroupMember();
        m.groupId = groupId;
        m.userId = userId;
        m.addedAt = now;
        return m;
    }

    long groupId() {
        return groupId;
    }

    long userId() {
        return userId;
    }

    static class Key implements Serializable {

        private long groupId;
        private long userId;

        protected Key() {
        }

        Key(long groupId, long userId) {
            this.groupId = groupId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.groupId == groupId && k.userId == userId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, userId);
        }
    }
}

package io.sphere.core.group;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "user_group")
class Group {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String description;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected Group() {
    }

    static Group found(String name, String description, Instant now) {
        Group g = new Group();
        g.name = name;
        g.description = description;
        g.createdAt = now;
        g.updatedAt = now;
        return g;
    }

    void rename(String name, String description, Instant now) {
        this.name = name;
        this.description = description;
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    GroupRef ref() {
        return new GroupRef(id, name);
    }

    GroupView view(long memberCount) {
        return new GroupView(id, name, description, memberCount);
    }
}

package io.sphere.core.group;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class GroupRepository implements PanacheRepository<Group> {

    Optional<Group> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }
}

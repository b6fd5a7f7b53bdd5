package io.sphere.core.user;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class UserRepository implements PanacheRepository<User> {

    Optional<User> findByEmail(String email) {
        return find("email", EmailAddress.normalize(email)).firstResultOptional();
    }
}

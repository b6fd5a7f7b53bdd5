package io.sphere.core.apitoken;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class ApiTokenRepository implements PanacheRepository<ApiToken> {

    Optional<ApiToken> findByHash(byte[] hash) {
        return find("tokenHash", hash).firstResultOptional();
    }
}

package io.sphere.core.security;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class SessionRepository implements PanacheRepositoryBase<UserSession, byte[]> {

    long deleteExpired(Instant now, Instant idleCutoff) {
        return delete("expiresAt <= ?1 or lastSeenAt <= ?2", now, idleCutoff);
    }
}

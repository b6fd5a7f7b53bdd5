package io.sphere.core.apitoken;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id")
    private long userId;

    private String name;

    @Column(name = "token_hash")
    private byte[] tokenHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
    }

    static ApiToken issue(long userId, String name, byte[] tokenHash, Instant now) {
        ApiToken t = new ApiToken();
        t.userId = userId;
        t.name = name;
        t.tokenHash = tokenHash;
        t.createdAt = now;
        return t;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    long userId() {
        return userId;
    }

    ApiTokenView view() {
        return new ApiTokenView(id, name, createdAt, Optional.ofNullable(lastUsedAt), Optional.ofNullable(revokedAt));
    }
}

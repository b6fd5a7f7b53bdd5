package io.sphere.core.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "user_session")
class UserSession {

    @Id
    @Column(name = "token_hash")
    private byte[] tokenHash;

    @Column(name = "user_id")
    private long userId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "client_ip")
    private String clientIp;

    @Column(name = "user_agent")
    private String userAgent;

    protected UserSession() {
    }

    static UserSession open(byte[] tokenHash, long userId, Instant now, Duration lifetime, String clientIp,
            String userAgent) {
        UserSession s = new UserSession();
        s.tokenHash = tokenHash;
        s.userId = userId;
        s.createdAt = now;
        s.lastSeenAt = now;
        s.expiresAt = now.plus(lifetime);
        s.clientIp = clientIp;
        s.userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 500));
        return s;
    }

    boolean isLiveAt(Instant now, Duration idleTimeout) {
        return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idleTimeout));
    }

    /** Writes the last-seen time at most once a minute: a session read on every request stays a read. */
    void touch(Instant now) {
        if (lastSeenAt.plusSeconds(60).isBefore(now)) {
            lastSeenAt = now;
        }
    }

    long userId() {
        return userId;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}

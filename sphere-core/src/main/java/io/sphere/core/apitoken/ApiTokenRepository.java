package io.sphere.core.apitoken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.sphere.core.security.SessionPrincipal;

@ApplicationScoped
class ApiTokenRepository implements PanacheRepository<ApiToken> {

    /** A live token with its owner; {@code stamp}: its last use is unknown or older than the time asked about. */
    record Found(ApiTokenCache.Live live, boolean stamp) {
    }

    /**
     * The token with this hash, if it is not revoked and its owner is active, with the owner as a session would
     * see them: one statement.
     */
    Optional<Found> findLive(byte[] hash, Instant stampIfUsedBefore) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT t.id, u.id, u.email, u.display_name, u.superuser, u.locale, u.time_zone,
                       t.last_used_at IS NULL OR t.last_used_at < ?2
                  FROM api_token t JOIN app_user u ON u.id = t.user_id
                 WHERE t.token_hash = ?1 AND t.revoked_at IS NULL AND u.active""").setParameter(1, hash)
                .setParameter(2, stampIfUsedBefore).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        long userId = ((Number) r[1]).longValue();
        SessionPrincipal principal = new SessionPrincipal(userId, (String) r[2], (String) r[3], (Boolean) r[4],
                Optional.ofNullable((String) r[5]), (String) r[6]);
        return Optional.of(new Found(new ApiTokenCache.Live(((Number) r[0]).longValue(), userId, principal),
                (Boolean) r[7]));
    }

    void stamp(long tokenId, Instant at) {
        getEntityManager().createNativeQuery("UPDATE api_token SET last_used_at = ?1 WHERE id = ?2")
                .setParameter(1, at).setParameter(2, tokenId).executeUpdate();
    }
}

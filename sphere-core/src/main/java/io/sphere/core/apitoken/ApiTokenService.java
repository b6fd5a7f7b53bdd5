package io.sphere.core.apitoken;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.quarkus.panache.common.Sort;
import io.sphere.core.audit.AuditAction;
import io.sphere.core.audit.AuditTrail;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.security.Actor;
import io.sphere.core.security.BearerTokens;
import io.sphere.core.security.SessionPrincipal;

/**
 * Personal API tokens: {@code sph_} and 32 random bytes in base64url. Only their HMAC-SHA256 under
 * {@code sphere.session.key} is stored, as for sessions, so a copy of the database gives no usable token.
 */
@ApplicationScoped
@Transactional
public class ApiTokenService {

    public static final String PREFIX = "sph_";
    public static final int MAX_NAME = 100;

    private final ApiTokenRepository tokens;
    private final ApiTokenLookup lookup;
    private final ApiTokenCache cache;
    private final Event<ApiTokenRevoked> revoked;
    private final BearerTokens secrets;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokenService(ApiTokenRepository tokens, ApiTokenLookup lookup, ApiTokenCache cache,
            Event<ApiTokenRevoked> revoked, BearerTokens secrets, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.lookup = lookup;
        this.cache = cache;
        this.revoked = revoked;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    public CreatedApiToken create(Actor actor, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new SphereException(ErrorCode.API_TOKEN_NAME_INVALID, "name", Map.of("max", MAX_NAME));
        }
        String token = secrets.newToken(PREFIX);
        ApiToken t = ApiToken.issue(actor.userId(), clean, hash(token), now());
        tokens.persist(t);
        audit.general(actor, AuditAction.API_TOKEN_CREATED, List.of(), Map.of("tokenId", String.valueOf(t.view()
                .id()), "name", clean));
        return new CreatedApiToken(t.view(), token);
    }

    /** The actor's own tokens, newest first, revoked ones included. */
    public List<ApiTokenView> list(Actor actor) {
        return tokens.list("userId", Sort.by("createdAt").descending().and("id").descending(), actor.userId())
                .stream().map(ApiToken::view).toList();
    }

    /** Revokes one of the actor's tokens (the superuser may revoke anyone's); someone else's is not found. */
    public ApiTokenView revoke(Actor actor, long tokenId) {
        ApiToken t = tokens.findByIdOptional(tokenId).filter(x -> actor.superuser() || x.userId() == actor.userId())
                .orElseThrow(() -> new SphereException(ErrorCode.API_TOKEN_NOT_FOUND));
        t.revoke(now());
        revoked.fire(new ApiTokenRevoked(tokenId));
        audit.general(actor, AuditAction.API_TOKEN_REVOKED, List.of(), Map.of("tokenId", String.valueOf(tokenId),
                "ownerId", String.valueOf(t.userId())));
        return t.view();
    }

    /**
     * The person behind a token, if it is not revoked and the account is still active. Answered from
     * {@link ApiTokenCache} for a token checked in the last {@link ApiTokenConfig#cacheTtl()}, else with one read.
     */
    @Transactional(TxType.SUPPORTS)
    public Optional<SessionPrincipal> resolve(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        byte[] hash = hash(token);
        String key = HexFormat.of().formatHex(hash);
        Optional<SessionPrincipal> known = cache.get(key);
        if (known.isPresent()) {
            return known;
        }
        long generation = cache.generation();
        Optional<ApiTokenCache.Live> live = lookup.check(hash);
        live.ifPresent(l -> cache.put(key, l, generation));
        return live.map(ApiTokenCache.Live::principal);
    }

    private byte[] hash(String token) {
        return secrets.hash(token);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

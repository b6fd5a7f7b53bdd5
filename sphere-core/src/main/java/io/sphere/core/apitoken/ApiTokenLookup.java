package io.sphere.core.apitoken;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Checks a token against the database: the token with its owner in one statement, and the "last used" stamp,
 * written at most once a minute so that a token used on every request stays a read.
 */
@ApplicationScoped
@Transactional
class ApiTokenLookup {

    private final ApiTokenRepository tokens;
    private final Clock clock;

    ApiTokenLookup(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    Optional<ApiTokenCache.Live> check(byte[] hash) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<ApiTokenRepository.Found> found = tokens.findLive(hash, now.minusSeconds(60));
        found.filter(ApiTokenRepository.Found::stamp).ifPresent(f -> tokens.stamp(f.live().tokenId(), now));
        return found.map(ApiTokenRepository.Found::live);
    }
}

package io.sphere.core.apitoken;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.sphere.core.security.SessionPrincipal;
import io.sphere.core.user.AccountChanged;

/**
 * The tokens this process checked in the last {@link ApiTokenConfig#cacheTtl()}, so that an API client's every
 * request does not read its token and its owner again (issue 8). Only tokens that resolved are kept: a wrong
 * token always goes to the database.
 * <p>
 * A revocation or a change of the owner made in this process is forgotten when its transaction ends. A check that
 * read the database before that moment may not put its (old) answer in afterwards: every forget moves a generation
 * counter, and an answer read under an older generation is dropped.
 */
@ApplicationScoped
class ApiTokenCache {

    /** Bounds the memory a flood of distinct valid tokens could take; beyond it the cache starts over. */
    static final int MAX_ENTRIES = 10_000;

    record Live(long tokenId, long userId, SessionPrincipal principal) {
    }

    private record Entry(Live live, long checkedAt) {
    }

    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;

    ApiTokenCache(ApiTokenConfig config) {
        this.ttlNanos = config.cacheTtl().toNanos();
    }

    Optional<SessionPrincipal> get(String hash) {
        Entry e = byHash.get(hash);
        if (e == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - e.checkedAt() >= ttlNanos) {
            byHash.remove(hash, e);
            return Optional.empty();
        }
        return Optional.of(e.live().principal());
    }

    /** Take before reading the database; hand to {@link #put}. */
    long generation() {
        return generation.get();
    }

    void put(String hash, Live live, long readUnder) {
        if (ttlNanos <= 0) {
            return;
        }
        if (byHash.size() >= MAX_ENTRIES) {
            byHash.clear();
        }
        Entry e = new Entry(live, System.nanoTime());
        byHash.put(hash, e);
        if (generation.get() != readUnder) {
            byHash.remove(hash, e);
        }
    }

    void tokenRevoked(@Observes(during = TransactionPhase.AFTER_COMPLETION) ApiTokenRevoked event) {
        generation.incrementAndGet();
        byHash.values().removeIf(e -> e.live().tokenId() == event.tokenId());
    }

    void accountChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) AccountChanged event) {
        generation.incrementAndGet();
        byHash.values().removeIf(e -> e.live().userId() == event.userId());
    }
}

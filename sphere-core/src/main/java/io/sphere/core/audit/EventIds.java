package io.sphere.core.audit;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs (version 7), so that the outbox and the trail's keys grow at their end. The 74 random bits
 * make them unique, not secret (nothing is authorised by knowing one), so they come from the thread's own generator
 * rather than a shared, locking SecureRandom.
 */
final class EventIds {

    private EventIds() {
    }

    static UUID next() {
        long millis = System.currentTimeMillis();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long randA = random.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}

package io.sphere.core.card;

import java.util.Map;

import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;

/**
 * Someone changed the card since the actor loaded it. Carries the card as it is now, so a page can show what
 * changed next to the actor's own input, which it keeps; the API answers 409 with it.
 */
public class CardConflictException extends SphereException {

    private final transient CardView current;

    public CardConflictException(long expectedVersion, CardView current) {
        super(ErrorCode.CARD_VERSION_CONFLICT, null,
                Map.of("key", current.key(), "expected", expectedVersion, "current", current.version()));
        this.current = current;
    }

    public CardView current() {
        return current;
    }
}

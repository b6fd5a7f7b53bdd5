package io.sphere.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;

/** The hash a login with an unknown e-mail is checked against must cost what a real password's hash costs. */
class DummyHashTest {

    @Test
    void dummyHashHasTheCostOfAFreshPasswordHash() {
        String fresh = BcryptUtil.bcryptHash("any password at all");
        // "$2a$10$…": algorithm and cost are the first 7 characters
        assertEquals(fresh.substring(0, 7), SessionService.DUMMY_HASH.substring(0, 7));
        assertEquals(fresh.length(), SessionService.DUMMY_HASH.length());
    }

    @Test
    void dummyHashIsAValidHashThatMatchesNoTypedPassword() {
        assertFalse(BcryptUtil.matches("", SessionService.DUMMY_HASH));
        assertFalse(BcryptUtil.matches("sphere-timing-equaliser-0", SessionService.DUMMY_HASH));
    }
}

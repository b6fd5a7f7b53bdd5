package io.sphere.core.security;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Browser sessions and login throttling. */
@ConfigMapping(prefix = "sphere.session")
public interface SessionConfig {

    /**
     * Secret that keys the hash of every session token in the database. Must be the same on every web node of an
     * installation; the web refuses to start in production without it.
     */
    Optional<String> key();

    /** A session not used for this long ends. */
    @WithDefault("PT30M")
    Duration idleTimeout();

    /** A session ends this long after login however active it is. */
    @WithDefault("PT12H")
    Duration absoluteLifetime();

    /** Name of the session cookie; differs per installation when several share a host name. */
    @WithDefault("sphere_session")
    String cookieName();

    /** Send the session cookie only over HTTPS; turn on whenever nginx terminates TLS. */
    @WithDefault("false")
    boolean secureCookie();

    /** Wrong passwords in a row that lock an account for {@link #lockDuration()}. */
    @WithDefault("10")
    int maxFailedLogins();

    /** How long an account stays locked after too many wrong passwords. */
    @WithDefault("PT15M")
    Duration lockDuration();
}

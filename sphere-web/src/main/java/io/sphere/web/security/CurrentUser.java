package io.sphere.web.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.sphere.core.security.Actor;
import io.sphere.core.security.SessionPrincipal;

/** The person behind the current request, as the session mechanism established it. */
@RequestScoped
public class CurrentUser {

    static final String ATTRIBUTE = "sphere.principal";
    static final String VIA = "sphere.via";
    static final String VIA_SESSION = "session";
    static final String VIA_TOKEN = "token";

    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Optional<SessionPrincipal> principal() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.getAttribute(ATTRIBUTE));
    }

    /** For pages behind authentication: the permission policy guarantees a principal there. */
    public SessionPrincipal require() {
        return principal().orElseThrow(() -> new io.quarkus.security.UnauthorizedException());
    }

    /** True when a personal API token, not a browser session, authenticated this request. */
    public boolean viaApiToken() {
        return identity != null && !identity.isAnonymous() && VIA_TOKEN.equals(identity.getAttribute(VIA));
    }

    public Actor actor() {
        return Actor.of(require());
    }
}

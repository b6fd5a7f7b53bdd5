package io.sphere.web.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.sphere.core.security.SessionPrincipal;
import io.sphere.core.security.SessionService;

/** Turns a live session into a security identity; the database lookup runs off the event loop. */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<SessionTokenRequest> {

    private final SessionService sessions;

    SessionIdentityProvider(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionTokenRequest> getRequestType() {
        return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
        return context
                .runBlocking(() -> sessions.resolve(request.token()).map(p -> identity(p, CurrentUser.VIA_SESSION))
                        .orElseThrow(AuthenticationFailedException::new));
    }

    /** {@code via} tells the CSRF check whether a browser's cookie or an API token authenticated the request. */
    static SecurityIdentity identity(SessionPrincipal p, String via) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(p.email())).addRole("user")
                .addAttribute(CurrentUser.ATTRIBUTE, p).addAttribute(CurrentUser.VIA, via);
        if (p.superuser()) {
            builder.addRole("superuser");
        }
        return builder.build();
    }
}

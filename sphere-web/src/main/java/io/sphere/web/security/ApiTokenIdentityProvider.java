package io.sphere.web.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.sphere.core.apitoken.ApiTokenService;

/**
 * Turns a live personal API token into the same identity a session gives, so {@link CurrentUser} and the actor work
 * unchanged; the lookup (and the token's "last used" stamp) runs off the event loop.
 */
@ApplicationScoped
class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenRequest> {

    private final ApiTokenService tokens;

    ApiTokenIdentityProvider(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<ApiTokenRequest> getRequestType() {
        return ApiTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> tokens.resolve(request.token())
                .map(p -> SessionIdentityProvider.identity(p, CurrentUser.VIA_TOKEN))
                .orElseThrow(AuthenticationFailedException::new));
    }
}
